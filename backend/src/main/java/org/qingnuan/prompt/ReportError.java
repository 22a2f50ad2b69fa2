package org.qingnuan.prompt;

import org.qingnuan.api.error.ErrorCode;

public enum ReportError implements ErrorCode {
    NOT_TEAM_CONTACT(403, "您还没有绑定这支医疗队，请先在“我的”中输入医疗队邀请码");

    private final int httpStatus;
    private final String message;

    ReportError(int httpStatus, String message) {
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
