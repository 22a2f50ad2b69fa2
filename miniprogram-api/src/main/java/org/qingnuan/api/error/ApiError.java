package org.qingnuan.api.error;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The one error body of the API.
 *
 * @param code        stable reason, see {@link ErrorCode}
 * @param message     Chinese text to show the user as it is
 * @param traceId     quote it to support; the server log carries the same id
 * @param fieldErrors what is wrong with which field, for validation failures (empty otherwise)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String code, String message, String traceId, List<FieldError> fieldErrors) {

    public ApiError {
        fieldErrors = fieldErrors == null ? List.of() : List.copyOf(fieldErrors);
    }

    /**
     * @param field   the field's path as the client sent it, e.g. {@code roles[0]} or {@code page}
     * @param message Chinese reason
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "ApiError.FieldError")
    public record FieldError(String field, String message) {
    }
}
