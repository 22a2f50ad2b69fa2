package org.qingnuan.shared;

import org.junit.jupiter.api.Test;
import org.qingnuan.shared.web.TraceIdFilter;
import org.qingnuan.testing.IntegrationTest;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.TaskScheduler;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The application's executor and scheduler carry a trace id onto their threads. */
class TraceTaskDecoratorIT extends IntegrationTest {

    @Autowired
    TaskExecutor applicationTaskExecutor;
    @Autowired
    TaskScheduler taskScheduler;

    @Test
    void asynchronousWorkKeepsTheTraceIdOfTheRequestThatStartedIt() throws Exception {
        MDC.put(TraceIdFilter.MDC_KEY, "request-trace-1234");
        try {
            CompletableFuture<String> seen = new CompletableFuture<>();
            applicationTaskExecutor.execute(() -> seen.complete(MDC.get(TraceIdFilter.MDC_KEY)));
            assertThat(seen.get(5, TimeUnit.SECONDS)).isEqualTo("request-trace-1234");
        } finally {
            MDC.remove(TraceIdFilter.MDC_KEY);
        }
        CompletableFuture<String> without = new CompletableFuture<>();
        applicationTaskExecutor.execute(() -> without.complete(MDC.get(TraceIdFilter.MDC_KEY)));
        assertThat(without.get(5, TimeUnit.SECONDS)).as("work started by no request gets an id of its own").matches("[0-9a-f]{16}");
    }

    @Test
    void everyRunOfAScheduledJobHasAFreshTraceId() throws Exception {
        java.util.List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch runs = new java.util.concurrent.CountDownLatch(3);
        var job = taskScheduler.scheduleWithFixedDelay(() -> {
            seen.add(String.valueOf(MDC.get(TraceIdFilter.MDC_KEY)));
            runs.countDown();
        }, Instant.now(), java.time.Duration.ofMillis(20));
        try {
            assertThat(runs.await(5, TimeUnit.SECONDS)).isTrue();
        } finally {
            job.cancel(false);
        }
        assertThat(seen.subList(0, 3)).allMatch(id -> id.matches("[0-9a-f]{16}")).doesNotHaveDuplicates();
    }
}
