package org.qingnuan.shared.time;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scheduled jobs (sweepers, daily prompts later); {@code qingnuan.scheduling.enabled=false} turns them off. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "qingnuan.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class SchedulingConfig {
}
