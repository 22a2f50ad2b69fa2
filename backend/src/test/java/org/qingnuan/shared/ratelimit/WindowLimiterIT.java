package org.qingnuan.shared.ratelimit;

import org.junit.jupiter.api.Test;
import org.qingnuan.testing.Fixtures;
import org.qingnuan.testing.IntegrationTest;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The counting is one Redis script: a burst of parallel hits is counted exactly; without Redis it lets through. */
class WindowLimiterIT extends IntegrationTest {

    @Autowired
    WindowLimiter limiter;

    @Test
    void aHundredParallelHitsAgainstALimitOfTwentyLetExactlyTwentyThrough() throws Exception {
        String key = "test:burst:" + Fixtures.unique();
        WindowLimiter.Limit limit = new WindowLimiter.Limit(20, Duration.ofMinutes(10));
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<WindowLimiter.Outcome>> hits = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                hits.add(pool.submit((Callable<WindowLimiter.Outcome>) () -> {
                    start.await();
                    return limiter.hit(key, limit, null);
                }));
            }
            start.countDown();
            int allowed = 0;
            for (Future<WindowLimiter.Outcome> hit : hits) {
                WindowLimiter.Outcome outcome = hit.get();
                if (outcome.allowed()) {
                    allowed++;
                } else {
                    assertThat(outcome.retryAfter()).isBetween(Duration.ofSeconds(1), Duration.ofMinutes(10));
                }
            }
            assertThat(allowed).isEqualTo(20);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSameRequestRepeatedIsCountedOnce() {
        String key = "test:once:" + Fixtures.unique();
        WindowLimiter.Limit limit = new WindowLimiter.Limit(2, Duration.ofMinutes(10));
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.hit(key, limit, "same-key").allowed()).isTrue();
        }
        assertThat(limiter.hit(key, limit, "other-key").allowed()).isTrue();
        assertThat(limiter.hit(key, limit, "third-key").allowed()).isFalse();
        assertThat(limiter.hit(key, limit, "third-key").allowed()).as("a refused request is not remembered as seen").isFalse();
    }

    @Test
    void withRedisGoneTheLimiterFailsOpen() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Config config = new Config();
        config.setLazyInitialization(true);
        config.useSingleServer().setAddress("redis://127.0.0.1:" + port).setConnectTimeout(200).setTimeout(200)
                .setRetryAttempts(0).setConnectionMinimumIdleSize(0).setConnectionPoolSize(2);
        RedissonClient gone = Redisson.create(config);
        try {
            WindowLimiter blind = new WindowLimiter(gone);
            long started = System.nanoTime();
            assertThat(blind.hit("test:gone", new WindowLimiter.Limit(1, Duration.ofMinutes(1)), null).allowed()).isTrue();
            assertThat(blind.hit("test:gone", new WindowLimiter.Limit(1, Duration.ofMinutes(1)), null).allowed()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("fast").isLessThan(Duration.ofSeconds(3));
        } finally {
            gone.shutdown();
        }
    }
}
