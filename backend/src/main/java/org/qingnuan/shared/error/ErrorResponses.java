package org.qingnuan.shared.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.qingnuan.api.error.ApiError;
import org.qingnuan.api.error.ErrorCode;
import org.qingnuan.shared.web.TraceIdFilter;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Builds the {@link ApiError} body. Used by the MVC exception handler and by filters (security,
 * size limit) that answer before MVC is reached, so every failure has the same shape.
 */
@Component
public class ErrorResponses {

    private final ObjectMapper objectMapper;

    public ErrorResponses(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public ApiError body(ErrorCode code, String message, List<ApiError.FieldError> fieldErrors) {
        return new ApiError(code.name(), message, MDC.get(TraceIdFilter.MDC_KEY), fieldErrors);
    }

    public ResponseEntity<ApiError> entity(ErrorCode code) {
        return entity(code, code.message(), List.of());
    }

    public ResponseEntity<ApiError> entity(ErrorCode code, String message, List<ApiError.FieldError> fieldErrors) {
        return ResponseEntity.status(code.httpStatus())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body(code, message, fieldErrors));
    }

    /** A refusal's answer: its code's status, its message and field errors, and how long to wait when it says so. */
    public ResponseEntity<ApiError> entity(DomainException e) {
        ResponseEntity<ApiError> entity = entity(e.code(), e.userMessage(), e.fieldErrors());
        if (e.retryAfterSeconds() != null) {
            return ResponseEntity.status(entity.getStatusCode()).headers(entity.getHeaders())
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds())).body(entity.getBody());
        }
        return entity;
    }

    /** Writes the error straight to the servlet response, for code running outside Spring MVC. */
    public void write(HttpServletResponse response, ErrorCode code) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(code.httpStatus());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        objectMapper.writeValue(response.getOutputStream(), body(code, code.message(), List.of()));
    }
}
