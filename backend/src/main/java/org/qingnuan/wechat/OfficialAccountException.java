package org.qingnuan.wechat;

/** WeChat refused a call or could not be reached; {@code errorCode} is WeChat's errcode (-1 when unreachable). */
public class OfficialAccountException extends RuntimeException {

    private final int errorCode;

    public OfficialAccountException(int errorCode) {
        super("WeChat errcode " + errorCode);
        this.errorCode = errorCode;
    }

    public int errorCode() {
        return errorCode;
    }
}
