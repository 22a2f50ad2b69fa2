package org.qingnuan.shared.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import org.qingnuan.api.Labelled;
import org.qingnuan.api.error.ApiError;
import org.qingnuan.api.error.CommonError;
import org.qingnuan.shared.redis.RedisUnavailableException;
import org.qingnuan.shared.web.PayloadTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns every exception that leaves a controller into an {@link ApiError}. Nothing of the
 * exception itself (class, message, SQL) reaches the client; unexpected ones are logged with the
 * trace id the client receives.
 */
@RestControllerAdvice
class GlobalExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GlobalExceptionHandler.class);

    private final ErrorResponses errors;
    private final org.qingnuan.shared.redis.RedisAvailability redis;

    GlobalExceptionHandler(ErrorResponses errors, org.qingnuan.shared.redis.RedisAvailability redis) {
        this.errors = errors;
        this.redis = redis;
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ApiError> domain(DomainException e) {
        // a refusal wrapped in another exception (its cause); one thrown as it is never gets here (DomainExceptionResolver)
        return errors.entity(e);
    }

    @ExceptionHandler(BindException.class) // includes MethodArgumentNotValidException
    ResponseEntity<ApiError> invalid(BindException e) {
        List<ApiError.FieldError> fields = new ArrayList<>();
        for (FieldError fe : e.getBindingResult().getFieldErrors()) {
            String message = fe.getDefaultMessage();
            if (fe.isBindingFailure()) {
                message = fe.contains(TypeMismatchException.class)
                        ? typeMessage(fe.unwrap(TypeMismatchException.class).getRequiredType()) : "格式不正确";
            }
            fields.add(new ApiError.FieldError(fe.getField(), message));
        }
        e.getBindingResult().getGlobalErrors()
                .forEach(ge -> fields.add(new ApiError.FieldError(ge.getObjectName(), ge.getDefaultMessage())));
        return validationFailed(fields);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ApiError> invalidParameters(HandlerMethodValidationException e) {
        List<ApiError.FieldError> fields = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(err -> fields.add(new ApiError.FieldError(name, err.getDefaultMessage())));
        });
        return validationFailed(fields);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ApiError> invalid(ConstraintViolationException e) {
        List<ApiError.FieldError> fields = e.getConstraintViolations().stream()
                .map(v -> new ApiError.FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return validationFailed(fields);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException e) {
        return validationFailed(List.of(new ApiError.FieldError(e.getName(), typeMessage(e.getRequiredType()))));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
        return validationFailed(List.of(new ApiError.FieldError(e.getParameterName(), "不能为空")));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (hasCause(e, PayloadTooLargeException.class)) {
            return errors.entity(CommonError.PAYLOAD_TOO_LARGE);
        }
        if (cause instanceof UnrecognizedPropertyException) {
            return errors.entity(CommonError.MALFORMED_JSON);
        }
        if (cause instanceof InvalidFormatException ife) {
            return validationFailed(List.of(new ApiError.FieldError(path(ife), typeMessage(ife.getTargetType()))));
        }
        if (cause instanceof MismatchedInputException mie && !mie.getPath().isEmpty()) {
            return validationFailed(List.of(new ApiError.FieldError(path(mie), typeMessage(mie.getTargetType()))));
        }
        if (cause instanceof JsonProcessingException || cause == null) {
            // syntax error, or no body at all
            return errors.entity(CommonError.MALFORMED_JSON);
        }
        return errors.entity(CommonError.BAD_REQUEST);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        ResponseEntity<ApiError> entity = errors.entity(CommonError.METHOD_NOT_ALLOWED);
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(entity.getHeaders());
        if (e.getSupportedHttpMethods() != null) {
            headers.setAllow(e.getSupportedHttpMethods());
        }
        return new ResponseEntity<>(entity.getBody(), headers, entity.getStatusCode());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> unsupportedMediaType() {
        return errors.entity(CommonError.UNSUPPORTED_MEDIA_TYPE);
    }

    /** An Accept the endpoint cannot produce (e.g. text/csv on a JSON endpoint): the error itself is always JSON. */
    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ApiError> notAcceptable() {
        return errors.entity(CommonError.NOT_ACCEPTABLE);
    }

    /** A multipart request without its file part ({@code file} of an Excel import), or no multipart body at all. */
    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ApiError> missingPart(MissingServletRequestPartException e) {
        return validationFailed(List.of(new ApiError.FieldError(e.getRequestPartName(), "请选择要上传的文件")));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ApiError> notMultipart(MultipartException e) {
        if (hasCause(e, PayloadTooLargeException.class) || e instanceof MaxUploadSizeExceededException) {
            return errors.entity(CommonError.PAYLOAD_TOO_LARGE);
        }
        return validationFailed(List.of(new ApiError.FieldError("file", "请以 multipart/form-data 上传文件")));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ApiError> missingHeader(MissingRequestHeaderException e) {
        return validationFailed(List.of(new ApiError.FieldError(e.getHeaderName(), "不能为空")));
    }

    /** Other binding failures before the controller (a missing cookie, a path variable that cannot bind). */
    @ExceptionHandler(ServletRequestBindingException.class)
    ResponseEntity<ApiError> binding() {
        return errors.entity(CommonError.BAD_REQUEST);
    }

    /** The firewall's refusal when it is met inside MVC (a forwarded or included request). */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ApiError> rejected() {
        return errors.entity(CommonError.INVALID_PATH);
    }

    @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class})
    ResponseEntity<ApiError> notFound() {
        return errors.entity(CommonError.NOT_FOUND);
    }

    @ExceptionHandler({MaxUploadSizeExceededException.class, PayloadTooLargeException.class})
    ResponseEntity<ApiError> tooLarge() {
        return errors.entity(CommonError.PAYLOAD_TOO_LARGE);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ApiError> forbidden() {
        return errors.entity(CommonError.FORBIDDEN);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ApiError> unauthenticated() {
        return errors.entity(CommonError.UNAUTHENTICATED);
    }

    /** A unique key raced past the service's own check: the row is there now. */
    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ApiError> duplicate() {
        return errors.entity(CommonError.CONFLICT);
    }

    /**
     * MariaDB chose this transaction as a deadlock's victim, or a row lock was not granted in time: nothing of it
     * was written, and doing it again will most likely work. A conflict the person can act on, not a 500 (the
     * fault run met one when staff accepted a request while the database came back).
     */
    @ExceptionHandler(PessimisticLockingFailureException.class)
    ResponseEntity<ApiError> lockLost(PessimisticLockingFailureException e) {
        log.warn("Transaction lost a lock ({}); answered CONFLICT", e.getClass().getSimpleName());
        return errors.entity(CommonError.CONFLICT);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        java.util.Optional<CommonError> outage = Outages.codeOf(e);
        if (outage.isPresent()) {
            if (outage.get() == CommonError.REDIS_UNAVAILABLE && !(e instanceof RedisUnavailableException)) {
                // a Redis failure that did not go through RedisAvailability: the next callers skip Redis at once
                // instead of waiting out its timeouts again (its own answers must not extend the outage)
                redis.markDown(e);
            }
            Outages.log(outage.get(), e);
            return errors.entity(outage.get());
        }
        log.error("Unhandled exception", e);
        return errors.entity(CommonError.INTERNAL_ERROR);
    }

    private ResponseEntity<ApiError> validationFailed(List<ApiError.FieldError> fields) {
        return errors.entity(CommonError.VALIDATION_FAILED, CommonError.VALIDATION_FAILED.message(), fields);
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String typeMessage(Class<?> type) {
        if (type == null) {
            return "格式不正确";
        }
        if (type.isEnum()) {
            // people read this message: name the choices as the client shows them, never the codes
            List<String> labels = Arrays.stream(type.getEnumConstants()).map(GlobalExceptionHandler::label).toList();
            return labels.contains(null) ? "取值无效，请从给出的选项中选择" : "取值无效，可选：" + String.join("、", labels);
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "应为数字";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "应为 true 或 false";
        }
        if (type == String.class) {
            return "应为文本";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "日期时间格式不正确";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "应为列表";
        }
        return "格式不正确";
    }

    /** The Chinese label of an enum constant ({@link Labelled}, or a {@code label()} of its own), else null. */
    private static String label(Object constant) {
        if (constant instanceof Labelled labelled) {
            return labelled.label();
        }
        try {
            return ((Enum<?>) constant).getDeclaringClass().getMethod("label").invoke(constant) instanceof String s ? s : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
