package org.qingnuan.shared.redis;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.redisson.api.RedissonClient;
import org.springframework.stereotype.Component;

import java.util.concurrent.TimeUnit;

/**
 * Redis as Prometheus sees it. Redisson (open source) publishes no Micrometer metrics of its own, so each scrape
 * times one round trip: {@code qn_redis_up} (1/0) and {@code qn_redis_roundtrip_seconds}. A scrape every 15 s
 * costs one EXISTS on a key that never exists.
 */
@Component
class RedisMeters implements MeterBinder {

    private static final String PROBE = "qn:metrics:probe";

    private final RedissonClient redisson;
    private volatile double lastRoundTrip = Double.NaN;

    RedisMeters(RedissonClient redisson) {
        this.redisson = redisson;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("qn.redis.up", this, RedisMeters::probe).description("1 when Redis answered the scrape's probe")
                .register(registry);
        Gauge.builder("qn.redis.roundtrip", this, m -> m.lastRoundTrip).baseUnit("seconds")
                .description("Round trip of the last probe").register(registry);
    }

    private double probe() {
        long start = System.nanoTime();
        try {
            redisson.getBucket(PROBE).isExists();
            lastRoundTrip = (System.nanoTime() - start) / (double) TimeUnit.SECONDS.toNanos(1);
            return 1;
        } catch (RuntimeException down) {
            lastRoundTrip = Double.NaN;
            return 0;
        }
    }
}
