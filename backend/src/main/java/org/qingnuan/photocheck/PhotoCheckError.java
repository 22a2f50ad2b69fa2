package org.qingnuan.photocheck;

import org.qingnuan.api.error.ErrorCode;

public enum PhotoCheckError implements ErrorCode {
    PHOTO_CHECK_NOT_FOUND(404, "照片审核记录不存在，或不在您的管辖范围内"),
    PHOTO_ALREADY_DECIDED(409, "这张照片已有审核结果（已通过或已按违规隐藏），不能再更改");

    private final int httpStatus;
    private final String message;

    PhotoCheckError(int httpStatus, String message) {
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
