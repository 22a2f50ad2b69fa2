package org.qingnuan.shared.error;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.qingnuan.api.error.ApiError;
import org.qingnuan.api.error.CommonError;
import org.qingnuan.api.error.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;

/**
 * Replaces Boot's /error page: failures that happen outside Spring MVC (the container refusing a
 * request, an exception in a filter) answer with the same {@link ApiError} shape.
 */
@RestController
class JsonErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(JsonErrorController.class);

    private final ErrorResponses errors;

    JsonErrorController(ErrorResponses errors) {
        this.errors = errors;
    }

    @RequestMapping("/error")
    ResponseEntity<ApiError> error(HttpServletRequest request) {
        Object statusAttr = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = statusAttr instanceof Integer i ? i : 500;
        if (status >= 500) {
            Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
            java.util.Optional<CommonError> outage = failure instanceof Throwable t
                    ? Outages.codeOf(t) : java.util.Optional.empty();
            if (outage.isPresent()) {
                Outages.log(outage.get(), (Throwable) failure);
                return errors.entity(outage.get());
            }
            if (failure instanceof Throwable t) {
                log.error("Unhandled exception outside MVC", t);
            } else {
                log.error("Request failed with status {} outside MVC", status);
            }
        }
        return errors.entity(forStatus(status));
    }

    private static ErrorCode forStatus(int status) {
        return Arrays.stream(CommonError.values())
                .filter(c -> c.httpStatus() == status)
                .findFirst()
                .orElse(status >= 500 ? CommonError.INTERNAL_ERROR : CommonError.BAD_REQUEST);
    }
}
