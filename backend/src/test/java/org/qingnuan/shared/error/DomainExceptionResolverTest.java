package org.qingnuan.shared.error;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qingnuan.api.error.CommonError;
import org.qingnuan.shared.ratelimit.ThrottleError;
import org.qingnuan.shared.web.SizedJsonMessageConverter;
import org.qingnuan.shared.web.TraceIdFilter;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.servlet.ModelAndView;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class DomainExceptionResolverTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final DomainExceptionResolver resolver =
            new DomainExceptionResolver(new ErrorResponses(mapper), new SizedJsonMessageConverter(mapper));

    @AfterEach
    void clearTrace() {
        MDC.remove(TraceIdFilter.MDC_KEY);
    }

    private MockHttpServletResponse answer(Exception e) {
        MockHttpServletResponse response = new MockHttpServletResponse();
        ModelAndView handled = resolver.resolveException(new MockHttpServletRequest("POST", "/api/mini/x"), response, null, e);
        return handled == null ? null : response;
    }

    @Test
    void aRefusalIsAnsweredWithItsStatusCodeMessageAndTraceIdAsJsonWithItsLength() throws Exception {
        MDC.put(TraceIdFilter.MDC_KEY, "trace-1");
        MockHttpServletResponse response = answer(new DomainException(CommonError.CONFLICT, "这个任务已被其他志愿者认领"));

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(response.getContentType()).startsWith("application/json");
        assertThat(response.getContentLength()).isEqualTo(response.getContentAsByteArray().length);
        assertThat(response.isCommitted()).isTrue();
        JsonNode body = mapper.readTree(response.getContentAsByteArray());
        assertThat(body.get("code").asText()).isEqualTo("CONFLICT");
        assertThat(body.get("message").asText()).isEqualTo("这个任务已被其他志愿者认领");
        assertThat(body.get("traceId").asText()).isEqualTo("trace-1");
        assertThat(response.getHeader("Retry-After")).isNull();
    }

    @Test
    void aLimitSaysHowLongToWait() {
        MockHttpServletResponse response =
                answer(DomainException.limited(ThrottleError.WRITES_THROTTLED, "提交太频繁了，请 1 分钟后再试", Duration.ofSeconds(61)));

        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(response.getHeader("Retry-After")).isEqualTo("61");
    }

    @Test
    void otherExceptionsAndWrappedRefusalsAreLeftToTheExceptionHandlers() {
        assertThat(answer(new IllegalStateException("boom"))).isNull();
        assertThat(answer(new TransactionSystemException("wrapped", new DomainException(CommonError.CONFLICT, "冲突")))).isNull();
    }
}
