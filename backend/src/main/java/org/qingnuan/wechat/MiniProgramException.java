package org.qingnuan.wechat;

/** WeChat refused a mini-program call; {@code errcode} is WeChat's, -1 when it could not be reached. */
public class MiniProgramException extends RuntimeException {

    /** invalid code (wx.login code used, expired or forged) */
    public static final int INVALID_CODE = 40029;
    /** the API's rate limit for this user or app */
    public static final int RATE_LIMITED = 45011;
    /** the user refused the subscription or has no consent left for the template */
    public static final int SUBSCRIPTION_REFUSED = 43101;

    private final int errcode;

    public MiniProgramException(int errcode) {
        super("WeChat mini-program errcode " + errcode);
        this.errcode = errcode;
    }

    public int errcode() {
        return errcode;
    }
}
