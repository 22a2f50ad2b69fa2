package org.qingnuan.shared.time;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.ZoneId;

/**
 * One clock for the whole application, in the league's time zone (Asia/Shanghai by default), so
 * timestamps stored as DATETIME mean the same wall-clock time staff see, whatever zone the host runs
 * in. Time-dependent rules (lock-outs, token expiry, deadlines) read it, so tests can move it.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfig {

    @Bean
    Clock clock(@Value("${qingnuan.time-zone:Asia/Shanghai}") String zone) {
        return Clock.system(ZoneId.of(zone));
    }
}
