package org.qingnuan.ticket;

import org.qingnuan.shared.redis.RedisAvailability;
import org.qingnuan.shared.redis.RedisUnavailableException;
import org.redisson.api.RBucket;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;

/**
 * Who is claiming a task, or has just claimed it, kept in Redis so that the others pressing at the same
 * moment are answered without the database. Only an accelerator: the claim itself is decided by the
 * lifecycle's conditional UPDATE, and when Redis fails every call answers "nobody", so the database decides.
 */
@Component
class ClaimFlags {

    private static final String KEY = "qn:tasks:claiming:";
    private static final Duration TTL = Duration.ofSeconds(30);
    /** KEYS[1] the flag; ARGV[1] the user, ARGV[2] the flag's life in ms. Returns the holder afterwards. */
    private static final String TAKE = """
            local holder = redis.call('GET', KEYS[1])
            if holder then return holder end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            return ARGV[1]
            """;

    private final RedissonClient redisson;
    private final RedisAvailability redis;

    ClaimFlags(RedissonClient redisson, RedisAvailability redis) {
        this.redisson = redisson;
        this.redis = redis;
    }

    /** The user holding the task's flag (their user id), or null (none, or Redis failed). */
    String holder(long ticketId) {
        try {
            return redis.call(() -> flag(ticketId).get());
        } catch (RedisUnavailableException redisDown) {
            return null;
        }
    }

    /**
     * Takes the flag for the user; returns who holds it afterwards (null when Redis failed). One round trip: the
     * others who pressed at the same moment learn the holder from the same call that failed to take it.
     */
    String take(long ticketId, String user) {
        try {
            return redis.call(() -> redisson.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, TAKE,
                    RScript.ReturnType.VALUE, List.of(KEY + ticketId), user, Long.toString(TTL.toMillis())));
        } catch (RedisUnavailableException redisDown) {
            return null;
        }
    }

    /** Lets the task be claimed at once: it is back in the pool, or the claim failed. */
    void drop(long ticketId) {
        try {
            redis.run(() -> flag(ticketId).delete());
        } catch (RedisUnavailableException ignored) {
            // expires by itself
        }
    }

    private RBucket<String> flag(long ticketId) {
        return redisson.getBucket(KEY + ticketId, StringCodec.INSTANCE);
    }
}
