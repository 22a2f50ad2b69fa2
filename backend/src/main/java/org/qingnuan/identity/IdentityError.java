package org.qingnuan.identity;

import org.qingnuan.api.error.ErrorCode;

public enum IdentityError implements ErrorCode {
    WX_CODE_INVALID(400, "微信登录凭证无效或已使用，请重新进入小程序",
            "Call wx.login again for a fresh code and repeat the sign-in (a code works once, for 5 minutes)."),
    PHONE_CODE_INVALID(400, "手机号验证已失效，请重新点击“授权手机号”",
            "Ask the user to tap the getPhoneNumber button again; its code works once."),
    WECHAT_BUSY(503, "微信服务繁忙，请稍后再试",
            "WeChat did not answer: show message and offer to retry after a few seconds."),
    SIGN_IN_UNAVAILABLE(503, "登录服务正在恢复，暂时无法登录，请稍后再试；已登录的用户不受影响",
            "The session store (Redis) is down, WeChat is fine: keep the old token if there is one, retry the "
                    + "sign-in after a few seconds."),
    INVITE_CODE_NOT_FOUND(404, "没有找到这个邀请码，请核对后重新输入，或联系团委工作人员获取新的邀请码",
            "Let the user re-type the code; otherwise they ask the league's staff for a new one."),
    INVITE_CODE_EXPIRED(410, "邀请码已过期，请联系团委工作人员重新获取",
            "Ask the user to get a new invite code from the league's staff."),
    INVITE_CODE_USED_UP(410, "这个邀请码已被使用，每个邀请码只能绑定指定人数；请联系团委工作人员获取新的邀请码",
            "Ask the user to get a new invite code from the league's staff (codes are single-use unless staff chose more)."),
    INVITE_CODE_REVOKED(410, "这个邀请码已作废，请联系团委工作人员获取新的邀请码",
            "Ask the user to get a new invite code from the league's staff."),
    NO_REGISTRATION_FOR_PHONE(404, "没有找到与该手机号对应的登记信息。家属请向所在区团委索取邀请码，在“邀请码绑定”中输入",
            "The phone was kept but matches no registration: lead the user to enter an invite code (POST "
                    + "/api/mini/me/invites)."),
    INVITE_NOT_FOUND(404, "没有找到这个邀请码，或它不属于这个家庭"),
    WECHAT_USER_NOT_BOUND(404, "这位小程序用户没有绑定这个家庭或医疗队，请刷新后查看"),
    DEV_LOGIN_SUBJECT_NOT_FOUND(404, "没有这个演示用户",
            "Demo sign-in only: reload GET /api/mini/auth/dev-users and pick another user.");

    private final int httpStatus;
    private final String message;
    private final String clientAction;

    IdentityError(int httpStatus, String message) {
        this(httpStatus, message, null);
    }

    IdentityError(int httpStatus, String message, String clientAction) {
        this.httpStatus = httpStatus;
        this.message = message;
        this.clientAction = clientAction;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }

    @Override
    public String message() {
        return message;
    }

    @Override
    public String clientAction() {
        return clientAction != null ? clientAction : ErrorCode.defaultAction(httpStatus);
    }
}
