package org.qingnuan.api.error;

/** Failures any endpoint can answer with. */
public enum CommonError implements ErrorCode {
    BAD_REQUEST(400, "请求有误，请检查后重试"),
    MALFORMED_JSON(400, "提交的内容不是有效的 JSON，请检查格式后重试"),
    VALIDATION_FAILED(400, "填写的内容有误，请按提示修改后重试"),
    UNAUTHENTICATED(401, "请先登录"),
    SESSION_EXPIRED(401, "登录已过期，请重新登录"),
    FORBIDDEN(403, "您没有权限进行此操作"),
    NOT_FOUND(404, "要访问的内容不存在，或不在您的管辖范围内"),
    METHOD_NOT_ALLOWED(405, "不支持该请求方式"),
    CONFLICT(409, "操作与当前数据状态冲突，请刷新后重试"),
    VERSION_CONFLICT(409, "数据已被他人修改，请刷新后重新编辑"),
    PAYLOAD_TOO_LARGE(413, "提交的内容过大，请精简后重试"),
    UNSUPPORTED_MEDIA_TYPE(415, "请以 JSON 格式（application/json）提交"),
    TOO_MANY_REQUESTS(429, "操作过于频繁，请稍后再试"),
    INTERNAL_ERROR(500, "系统繁忙，请稍后再试；如仍有问题，请把错误编号告诉管理员");

    private final int httpStatus;
    private final String message;

    CommonError(int httpStatus, String message) {
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
