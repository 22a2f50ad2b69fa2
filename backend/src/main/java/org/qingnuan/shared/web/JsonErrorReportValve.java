package org.qingnuan.shared.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.qingnuan.api.error.ApiError;
import org.qingnuan.api.error.CommonError;
import org.qingnuan.api.error.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Tomcat's error page, as JSON. Tomcat refuses some requests before the application sees them — an encoded slash
 * ({@code %2F}), an encoded NUL, invalid UTF-8 or a path that normalises above the root — and answers them from its
 * host's {@link ErrorReportValve}, an HTML page. This valve replaces it with the API's {@link ApiError} body and a
 * fresh trace id (no filter ran, so none exists yet), logged with the refusal so the id leads to a log line.
 * Errors inside the application never reach it: Spring's {@code /error} has answered them already.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(JsonErrorReportValve.class);

    private final ObjectMapper json;

    public JsonErrorReportValve(ObjectMapper json) {
        this.json = json;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // as Tomcat's own: nothing on success, nothing once a body is written, and each error once
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        ErrorCode code = forStatus(status);
        String traceId = TraceIdFilter.newTraceId();
        MDC.put(TraceIdFilter.MDC_KEY, traceId);
        try {
            if (status >= 500) {
                log.error("Request failed in the container with status {}", status, throwable);
            } else {
                log.info("Request refused by the container with status {} ({})", status, code.name());
            }
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setHeader(TraceIdFilter.RESPONSE_HEADER, traceId);
            byte[] body = json.writeValueAsBytes(new ApiError(code.name(), code.message(), traceId, List.of()));
            response.setContentLength(body.length);
            OutputStream out = response.getOutputStream();
            out.write(body);
            out.flush();
        } catch (IOException | IllegalStateException e) {
            // the client went away, or the response cannot take a body: nothing more to do
        } finally {
            MDC.remove(TraceIdFilter.MDC_KEY);
        }
    }

    static ErrorCode forStatus(int status) {
        if (status == 400) {
            // Tomcat's own 400s are all about the URL
            return CommonError.INVALID_PATH;
        }
        return Arrays.stream(CommonError.values()).filter(c -> c.httpStatus() == status).findFirst()
                .orElse(status >= 500 ? CommonError.INTERNAL_ERROR : CommonError.BAD_REQUEST);
    }
}
