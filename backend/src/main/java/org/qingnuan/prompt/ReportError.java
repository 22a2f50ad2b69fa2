package org.qingnuan.prompt;

import org.qingnuan.api.error.ErrorCode;

public enum ReportError implements ErrorCode {
    NOT_TEAM_CONTACT(403, "您还没有绑定这支医疗队，请先在“我的”中输入医疗队邀请码",
            "Lead the user to enter the medical team's invite code (POST /api/mini/me/invites)."),
    BINDING_NOT_FOUND(404, "没有找到这条绑定记录，可能已被解除，请刷新后查看");

    private final int httpStatus;
    private final String message;
    private final String clientAction;

    ReportError(int httpStatus, String message) {
        this(httpStatus, message, null);
    }

    ReportError(int httpStatus, String message, String clientAction) {
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
