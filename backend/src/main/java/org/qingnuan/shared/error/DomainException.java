package org.qingnuan.shared.error;

import org.qingnuan.api.error.ApiError;
import org.qingnuan.api.error.ErrorCode;

import java.util.List;

/**
 * The one exception domain code throws for an expected failure. The global handler turns it into
 * an {@link ApiError} with the code's HTTP status; controllers never build error bodies.
 */
public class DomainException extends RuntimeException {

    private final ErrorCode code;
    private final String userMessage;
    private final List<ApiError.FieldError> fieldErrors;
    /** for a 429: how long until the caller may try again (sent as {@code Retry-After}); null otherwise */
    private java.time.Duration retryAfter;

    public DomainException(ErrorCode code) {
        this(code, code.message(), List.of());
    }

    /** @param userMessage Chinese text replacing the code's default, e.g. naming the object concerned */
    public DomainException(ErrorCode code, String userMessage) {
        this(code, userMessage, List.of());
    }

    public DomainException(ErrorCode code, String userMessage, List<ApiError.FieldError> fieldErrors) {
        // no stack trace: an expected refusal (a lost claim, a limit) is an answer, not a fault, and the trace of a
        // hundred frames was filled in for every one of them only to be thrown away (issue 19)
        super(code.name(), null, false, false);
        this.code = code;
        this.userMessage = userMessage;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    /** A validation failure on one field that only the domain can judge (e.g. a taken username). */
    public static DomainException onField(ErrorCode code, String field, String fieldMessage) {
        return new DomainException(code, code.message(), List.of(new ApiError.FieldError(field, fieldMessage)));
    }

    /**
     * A limit was reached (429): the global handler adds {@code Retry-After} in whole seconds.
     *
     * @param userMessage Chinese text naming what was limited and how long to wait
     */
    public static DomainException limited(ErrorCode code, String userMessage, java.time.Duration retryAfter) {
        DomainException e = new DomainException(code, userMessage);
        e.retryAfter = retryAfter;
        return e;
    }

    /** Seconds until a retry may succeed (rounded up, at least 1), or null when the failure is not a limit. */
    public Long retryAfterSeconds() {
        return retryAfter == null ? null : Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    /** "42 秒", "3 分钟", "2 小时": a wait in words a person reads. */
    public static String inWords(java.time.Duration d) {
        long s = Math.max(1, (d.toMillis() + 999) / 1000);
        if (s < 60) {
            return s + " 秒";
        }
        if (s < 3600) {
            return ((s + 59) / 60) + " 分钟";
        }
        return ((s + 3599) / 3600) + " 小时";
    }

    public ErrorCode code() {
        return code;
    }

    public String userMessage() {
        return userMessage;
    }

    public List<ApiError.FieldError> fieldErrors() {
        return fieldErrors;
    }
}
