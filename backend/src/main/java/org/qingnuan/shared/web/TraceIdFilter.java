package org.qingnuan.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Gives every request a trace id: taken from a well-formed {@code X-Request-Id} header (a gateway's),
 * otherwise generated. It goes into the log MDC, the {@code X-Trace-Id} response header and every
 * error body, so a user's screenshot leads straight to the log lines.
 * <p>
 * It is the outermost filter (before Spring Security, the size limit and the character encoding), so an
 * error raised by any of them carries the id. The id is also kept as a request attribute: an exception that
 * leaves the filter chain is answered on a second, "error" dispatch to {@code /error}, after this filter's
 * {@code finally} has cleared the MDC; that dispatch takes the same id back. Requests the container refuses
 * before any filter runs (a bad URL) get theirs from {@code JsonErrorReportValve}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class TraceIdFilter extends OncePerRequestFilter {

    public static final String MDC_KEY = "traceId";
    public static final String RESPONSE_HEADER = "X-Trace-Id";
    /** Request attribute holding the id, for the error dispatch. */
    public static final String ATTRIBUTE = TraceIdFilter.class.getName() + ".traceId";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9-]{8,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String traceId = request.getAttribute(ATTRIBUTE) instanceof String kept ? kept : null;
        if (traceId == null) {
            String incoming = request.getHeader("X-Request-Id");
            traceId = incoming != null && ACCEPTED.matcher(incoming).matches() ? incoming : newTraceId();
            request.setAttribute(ATTRIBUTE, traceId);
        }
        MDC.put(MDC_KEY, traceId);
        if (!response.isCommitted()) {
            response.setHeader(RESPONSE_HEADER, traceId);
        }
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        // the /error dispatch runs again, to put the failed request's id (the attribute) back into the MDC
        return false;
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    /** A fresh id, for work that starts without a request (scheduled runs) and for requests the container refuses. */
    public static String newTraceId() {
        byte[] bytes = new byte[8];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
