package org.qingnuan.wechat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Counts WeChat's refusals by API and errcode ({@code qn_wechat_errors_total{api, code}}; -1 = no answer, a network
 * failure or a reply without an errcode). Operators watch 40001/42001 (token), 45009 (quota) and 43004 rise.
 */
@Component
public class WechatErrors {

    private final MeterRegistry registry;

    public WechatErrors(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts one refusal and answers the errcode, so a caller can write {@code throw new X(errors.count(…))}. */
    int count(String api, int errcode) {
        Counter.builder("qn.wechat.errors").description("Calls to WeChat refused or failed, by API and errcode")
                .tag("api", api).tag("code", Integer.toString(errcode)).register(registry).increment();
        return errcode;
    }
}
