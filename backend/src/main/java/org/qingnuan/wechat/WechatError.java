package org.qingnuan.wechat;

import org.qingnuan.api.error.ErrorCode;

public enum WechatError implements ErrorCode {
    CALLBACK_REFUSED(403, "回调校验未通过"),
    CALLBACK_MALFORMED(400, "回调内容无效：不是可读取的公众号消息"),
    XML_NOT_ALLOWED(400, "不接受含 DOCTYPE 的 XML"),
    PUSH_MALFORMED(400, "消息推送内容无效：不是可读取的小程序消息推送");

    private final int httpStatus;
    private final String message;

    WechatError(int httpStatus, String message) {
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
