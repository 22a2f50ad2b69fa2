package org.qingnuan.shared.time;

import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.util.ReflectionUtils;

/** Scheduled jobs (sweepers, daily prompts); {@code qingnuan.scheduling.enabled=false} turns them off. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "qingnuan.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class SchedulingConfig {

    /**
     * The embedded default creates beans lazily; a bean that nothing asks for would never have its
     * {@code @Scheduled} methods registered. Such beans are always created at start-up.
     */
    @Bean
    static LazyInitializationExcludeFilter scheduledBeansStartEagerly() {
        return (name, definition, type) -> {
            boolean[] scheduled = {false};
            ReflectionUtils.doWithMethods(type, m -> scheduled[0] = true,
                    m -> AnnotatedElementUtils.hasAnnotation(m, Scheduled.class));
            return scheduled[0];
        };
    }
}
