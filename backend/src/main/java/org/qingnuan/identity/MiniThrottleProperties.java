package org.qingnuan.identity;

import org.qingnuan.api.error.Throttled;
import org.qingnuan.shared.ratelimit.WindowLimiter;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Per-user limits of the mini-program's writes ({@code qingnuan.mini.throttle.limits.<bucket>.count} and {@code .per}),
 * one per {@link Throttled.Bucket}; a bucket not set keeps its default.
 */
@ConfigurationProperties("qingnuan.mini.throttle")
public record MiniThrottleProperties(Map<Throttled.Bucket, WindowLimiter.Limit> limits) {

    static final Map<Throttled.Bucket, WindowLimiter.Limit> DEFAULTS = Map.of(
            Throttled.Bucket.SUBMISSIONS, new WindowLimiter.Limit(10, Duration.ofHours(1)),
            Throttled.Bucket.REPORTS, new WindowLimiter.Limit(10, Duration.ofHours(1)),
            Throttled.Bucket.CLAIMS, new WindowLimiter.Limit(30, Duration.ofMinutes(10)),
            Throttled.Bucket.UPLOADS, new WindowLimiter.Limit(40, Duration.ofMinutes(10)),
            Throttled.Bucket.INVITES, new WindowLimiter.Limit(10, Duration.ofHours(1)),
            Throttled.Bucket.WRITES, new WindowLimiter.Limit(120, Duration.ofMinutes(10)));

    public MiniThrottleProperties {
        Map<Throttled.Bucket, WindowLimiter.Limit> all = new EnumMap<>(DEFAULTS);
        if (limits != null) {
            all.putAll(limits);
        }
        limits = Map.copyOf(all);
    }

    WindowLimiter.Limit of(Throttled.Bucket bucket) {
        return limits.get(bucket);
    }
}
