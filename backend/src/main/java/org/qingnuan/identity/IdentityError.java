package org.qingnuan.identity;

import org.qingnuan.api.error.ErrorCode;

public enum IdentityError implements ErrorCode {
    WX_CODE_INVALID(400, "微信登录凭证无效或已使用，请重新进入小程序"),
    PHONE_CODE_INVALID(400, "手机号验证已失效，请重新点击“授权手机号”"),
    WECHAT_BUSY(503, "微信服务繁忙，请稍后再试"),
    INVITE_CODE_NOT_FOUND(404, "没有找到这个邀请码，请核对后重新输入，或联系团委工作人员获取新的邀请码"),
    INVITE_CODE_EXPIRED(410, "邀请码已过期，请联系团委工作人员重新获取"),
    NO_REGISTRATION_FOR_PHONE(404, "没有找到与该手机号对应的登记信息。家属请向所在区团委索取邀请码，在“邀请码绑定”中输入"),
    DEV_LOGIN_SUBJECT_NOT_FOUND(404, "没有这个演示用户");

    private final int httpStatus;
    private final String message;

    IdentityError(int httpStatus, String message) {
        this.httpStatus = httpStatus;
        this.message = message;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }

    @Override
    public String message() {
        return message;
    }
}
