package org.qingnuan.shared.error;

import org.qingnuan.api.error.ErrorCode;

import java.time.Duration;

/** A 429: the global handler adds {@code Retry-After} (whole seconds) to the error body's answer. */
public class RateLimitedException extends DomainException {

    private final Duration retryAfter;

    public RateLimitedException(ErrorCode code, String userMessage, Duration retryAfter) {
        super(code, userMessage);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Seconds, rounded up, at least 1. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    /** "42 秒", "3 分钟", "2 小时": how long to wait, in words a person reads. */
    public static String wait(Duration d) {
        long s = Math.max(1, (d.toMillis() + 999) / 1000);
        if (s < 60) {
            return s + " 秒";
        }
        if (s < 3600) {
            return ((s + 59) / 60) + " 分钟";
        }
        return ((s + 3599) / 3600) + " 小时";
    }
}
