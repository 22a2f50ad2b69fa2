package org.qingnuan.api.error;

/** Failures any endpoint can answer with. */
public enum CommonError implements ErrorCode {
    BAD_REQUEST(400, "请求有误，请检查后重试"),
    INVALID_PATH(400, "请求地址无效，请检查链接后重试",
            "A client bug: the URL holds what the server refuses before any endpoint sees it (an encoded slash "
                    + "or NUL, invalid UTF-8, a path parameter ';', '..' or '//'). Build the URL from the API's own paths."),
    MALFORMED_JSON(400, "提交的内容不是有效的 JSON，请检查格式后重试",
            "A client bug: the body is not JSON, or has fields the API does not know. Fix the request."),
    VALIDATION_FAILED(400, "填写的内容有误，请按提示修改后重试",
            "Show message; mark each fieldErrors entry (field is the path as sent, e.g. photoKeys[0]) with "
                    + "its message; let the user correct and resend."),
    UNAUTHENTICATED(401, "请先登录",
            "Sign in (mini-program: wx.login, then POST /api/mini/auth/login) and repeat the call."),
    SESSION_EXPIRED(401, "登录已过期，请重新登录",
            "Sign in again silently (wx.login, then POST /api/mini/auth/login) and repeat the call; the "
                    + "user need not notice."),
    SESSION_REVOKED(401, "您已退出登录，或账号状态有变，请重新登录",
            "The session was ended on purpose (sign-out, account disabled, password reset, roles withdrawn): "
                    + "drop the token and sign in again; do not retry silently in a loop."),
    FORBIDDEN(403, "您没有权限进行此操作"),
    NOT_FOUND(404, "要访问的内容不存在，或不在您的管辖范围内"),
    METHOD_NOT_ALLOWED(405, "不支持该请求方式",
            "A client bug: wrong HTTP method for this path. Fix the request."),
    NOT_ACCEPTABLE(406, "无法按请求的格式（Accept）返回结果，请接受 application/json",
            "A client bug: the Accept header excludes every type the endpoint produces (JSON, or the file it "
                    + "downloads). Send Accept: application/json or */*."),
    CONFLICT(409, "操作与当前数据状态冲突，请刷新后重试",
            "Reload and try again: the same thing was created at the same moment."),
    VERSION_CONFLICT(409, "数据已被他人修改，请刷新后重新编辑",
            "Reload the object (someone else changed it), reapply the user's edit and save with the new version."),
    PAYLOAD_TOO_LARGE(413, "提交的内容过大，请精简后重试"),
    UNSUPPORTED_MEDIA_TYPE(415, "请以 JSON 格式（application/json）提交"),
    TOO_MANY_REQUESTS(429, "操作过于频繁，请稍后再试"),
    INTERNAL_ERROR(500, "系统繁忙，请稍后再试；如仍有问题，请把错误编号告诉管理员"),
    REDIS_UNAVAILABLE(503, "系统正在恢复，这项操作暂时无法完成，请稍后再试；已保存的内容不受影响",
            "Show message; retry after a few seconds. The session store (Redis) is down: signed-in users keep working, "
                    + "what needs Redis (signing in, some checks) answers this at once; nothing was saved."),
    DATABASE_UNAVAILABLE(503, "系统正在恢复，请稍后再试；本次操作未保存",
            "Show message; retry after a few seconds (the database is restarting); nothing was saved.");

    private final int httpStatus;
    private final String message;
    private final String clientAction;

    CommonError(int httpStatus, String message) {
        this(httpStatus, message, null);
    }

    CommonError(int httpStatus, String message, String clientAction) {
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
