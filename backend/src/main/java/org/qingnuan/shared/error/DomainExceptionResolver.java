package org.qingnuan.shared.error;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.qingnuan.api.error.ApiError;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import java.io.IOException;

/**
 * Answers a {@link DomainException} thrown by a controller — a 404, a lost claim's 409, a 429 — with the same
 * {@link ApiError} as {@link GlobalExceptionHandler} (one builder, {@link ErrorResponses#entity(DomainException)}), but
 * written directly with the application's JSON converter. Spring's exception-handler path builds an invocable handler
 * method, resolves its arguments and negotiates the content type again for every such answer: in a claim race, where
 * seven of eight presses end in a 409, that was a fifth of the requests' CPU (issue 19). A refusal wrapped in another
 * exception is left to {@link GlobalExceptionHandler}, which matches causes.
 */
@Component
class DomainExceptionResolver implements HandlerExceptionResolver, Ordered {

    private final ErrorResponses errors;
    private final MappingJackson2HttpMessageConverter json;

    DomainExceptionResolver(ErrorResponses errors, MappingJackson2HttpMessageConverter json) {
        this.errors = errors;
        this.json = json;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (!(ex instanceof DomainException refusal) || response.isCommitted()) {
            return null;
        }
        ResponseEntity<ApiError> entity = errors.entity(refusal);
        ServletServerHttpResponse out = new ServletServerHttpResponse(response);
        out.setStatusCode(entity.getStatusCode());
        out.getHeaders().putAll(entity.getHeaders());
        try {
            json.write(entity.getBody(), MediaType.APPLICATION_JSON, out);
        } catch (IOException clientGone) {
            // as Spring's own handler path: the client went away while the answer was written; nothing to answer
        }
        return new ModelAndView();
    }

    /** After Boot's {@code DefaultErrorAttributes} (which keeps the exception for error pages and metrics), before MVC's. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
