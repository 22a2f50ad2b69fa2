package org.qingnuan.shared.idempotency;

import org.qingnuan.api.error.ErrorCode;

public enum IdempotencyError implements ErrorCode {
    IDEMPOTENCY_KEY_REQUIRED(400, "缺少或无效的 Idempotency-Key：每次新提交生成一个 8–64 位的随机串（如 UUID），重试时沿用",
            "A client bug: send Idempotency-Key, a new UUID per draft and the same one on its retries."),
    IDEMPOTENCY_KEY_REUSED(422, "这个 Idempotency-Key 已用于另一份不同的内容；新的提交请换一个新的 key",
            "The key was used for a different body: give the changed draft a new key and submit again.");

    private final int httpStatus;
    private final String message;
    private final String clientAction;

    IdempotencyError(int httpStatus, String message) {
        this(httpStatus, message, null);
    }

    IdempotencyError(int httpStatus, String message, String clientAction) {
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
