package org.qingnuan.shared.web;

import org.slf4j.MDC;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.task.TaskDecorator;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Carries the trace id off the request's thread. Boot hands this decorator to the application's task executor
 * (async sends, the inbox, the ledger's parallel queries); {@code DailyPrompts} wraps its own workers' tasks with it;
 * the scheduler uses it too. Work submitted with a trace id runs under that id; work submitted without one — every
 * {@code @Scheduled} run, since jobs are scheduled at start-up — gets a fresh id per run, so each run's log lines
 * belong together and to no request.
 */
@Component
public class TraceTaskDecorator implements TaskDecorator {

    @Override
    public Runnable decorate(Runnable task) {
        Map<String, String> submitter = MDC.getCopyOfContextMap();
        return () -> {
            Map<String, String> previous = MDC.getCopyOfContextMap();
            if (submitter != null) {
                MDC.setContextMap(submitter);
            } else {
                MDC.clear();
            }
            if (MDC.get(TraceIdFilter.MDC_KEY) == null) {
                MDC.put(TraceIdFilter.MDC_KEY, TraceIdFilter.newTraceId());
            }
            try {
                task.run();
            } finally {
                if (previous != null) {
                    MDC.setContextMap(previous);
                } else {
                    MDC.clear();
                }
            }
        };
    }

    /** The scheduler's threads: a fresh trace id for each run of a scheduled job. */
    @Bean
    static ThreadPoolTaskSchedulerCustomizer tracedScheduler() {
        TaskDecorator decorator = new TraceTaskDecorator();
        return scheduler -> scheduler.setTaskDecorator(decorator);
    }
}
