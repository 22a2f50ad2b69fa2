package org.qingnuan.org;

import org.qingnuan.api.error.ErrorCode;

public enum OrgError implements ErrorCode {
    ORG_NOT_FOUND(404, "组织不存在，或不在您的管辖范围内"),
    ORG_TYPE_NOT_ALLOWED(400, "该类型的组织不能设在所选上级组织下"),
    ORG_NAME_TAKEN(409, "同一上级组织下已有同名组织"),
    ROOT_ORG_EXISTS(409, "已存在省级团委，不能再创建根组织");

    private final int httpStatus;
    private final String message;

    OrgError(int httpStatus, String message) {
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
