package org.qingnuan.shared.ratelimit;

import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;

/**
 * Counts events per key in fixed windows, in Redis, with one Lua script per call: the increment, the
 * window's expiry and the answer are one atomic step, so a hundred parallel requests are counted as a
 * hundred (a read-then-write in Java counted 66 of 100). An optional {@code once} member makes a
 * repeated request (the same Idempotency-Key within the window) pass without being counted again.
 *
 * <p>When Redis does not answer the limiter lets the request through (fails open) and logs a warning:
 * every caller it guards is signed in with a session that lives in Redis too, so during an outage
 * those requests are refused before they get here; see docs/decisions.md.
 */
@Component
public class WindowLimiter {

    private static final Logger log = LoggerFactory.getLogger(WindowLimiter.class);
    static final String PREFIX = "qn:limit:";

    /**
     * KEYS[1] counter, KEYS[2] the "seen" marker of a repeatable request (or ""); ARGV[1] window in ms,
     * ARGV[2] the limit. Returns {allowed 1/0, count, ms until the window ends}.
     */
    private static final String SCRIPT = """
            if KEYS[2] ~= '' and redis.call('SET', KEYS[2], '1', 'NX', 'PX', ARGV[1]) == false then
              return {1, 0, 0}
            end
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
            if n > tonumber(ARGV[2]) then
              if KEYS[2] ~= '' then redis.call('DEL', KEYS[2]) end
              return {0, n, ttl}
            end
            return {1, n, ttl}
            """;

    /** At most {@code count} events per {@code per}. */
    public record Limit(int count, Duration per) {

        public Limit {
            if (count < 1 || per == null || per.isNegative() || per.isZero()) {
                throw new IllegalArgumentException("A limit needs a count of at least 1 and a positive window");
            }
        }
    }

    /** The answer: allowed or not, and when the window ends (to tell the person how long to wait). */
    public record Outcome(boolean allowed, Duration retryAfter) {

        static final Outcome PASS = new Outcome(true, Duration.ZERO);
    }

    private final RedissonClient redisson;

    public WindowLimiter(RedissonClient redisson) {
        this.redisson = redisson;
    }

    /**
     * Counts one event under {@code key} (e.g. {@code mini:submissions:42}).
     *
     * @param once a member that identifies a repeat of the same request (its Idempotency-Key); null when none
     */
    public Outcome hit(String key, Limit limit, String once) {
        String counter = PREFIX + key;
        String seen = once == null || once.isBlank() ? "" : counter + ":once:" + once;
        try {
            List<Object> answer = redisson.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, SCRIPT,
                    RScript.ReturnType.MULTI, List.of(counter, seen),
                    Long.toString(limit.per().toMillis()), Integer.toString(limit.count()));
            boolean allowed = ((Number) answer.get(0)).longValue() == 1;
            long ttlMs = ((Number) answer.get(2)).longValue();
            return allowed ? Outcome.PASS : new Outcome(false, Duration.ofMillis(Math.max(ttlMs, 1000)));
        } catch (RuntimeException redisDown) {
            log.warn("Rate limit not checked, Redis did not answer ({}): request let through", redisDown.getClass().getSimpleName());
            return Outcome.PASS;
        }
    }
}
