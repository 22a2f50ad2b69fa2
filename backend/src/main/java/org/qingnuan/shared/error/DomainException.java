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

    public DomainException(ErrorCode code) {
        this(code, code.message(), List.of());
    }

    /** @param userMessage Chinese text replacing the code's default, e.g. naming the object concerned */
    public DomainException(ErrorCode code, String userMessage) {
        this(code, userMessage, List.of());
    }

    public DomainException(ErrorCode code, String userMessage, List<ApiError.FieldError> fieldErrors) {
        super(code.name());
        this.code = code;
        this.userMessage = userMessage;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    /** A validation failure on one field that only the domain can judge (e.g. a taken username). */
    public static DomainException onField(ErrorCode code, String field, String fieldMessage) {
        return new DomainException(code, code.message(), List.of(new ApiError.FieldError(field, fieldMessage)));
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
