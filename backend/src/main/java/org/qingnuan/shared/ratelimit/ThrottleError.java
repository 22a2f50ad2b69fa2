package org.qingnuan.shared.ratelimit;

import org.qingnuan.api.error.ErrorCode;

public enum ThrottleError implements ErrorCode {
    WRITES_THROTTLED(429, "操作太频繁，请稍后再试",
            "Show message as it is (it names what was throttled and how long to wait); the Retry-After header gives "
                    + "the seconds. Keep the user's input; do not retry automatically before then.");

    private final int httpStatus;
    private final String message;
    private final String clientAction;

    ThrottleError(int httpStatus, String message, String clientAction) {
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
        return clientAction;
    }
}
