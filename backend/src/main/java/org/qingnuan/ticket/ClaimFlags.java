package org.qingnuan.ticket;

import org.qingnuan.shared.redis.RedisAvailability;
import org.qingnuan.shared.redis.RedisUnavailableException;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Who is claiming a task, or has just claimed it, kept in Redis so that the others pressing at the same
 * moment are answered without the database. Only an accelerator: the claim itself is decided by the
 * lifecycle's conditional UPDATE, and when Redis fails every call answers "nobody", so the database decides.
 */
@Component
class ClaimFlags {

    private static final String KEY = "qn:tasks:claiming:";
    private static final Duration TTL = Duration.ofSeconds(30);

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

    /** Takes the flag for the user; returns who holds it afterwards (null when Redis failed). */
    String take(long ticketId, String user) {
        try {
            return redis.call(() -> {
                RBucket<String> flag = flag(ticketId);
                return flag.setIfAbsent(user, TTL) ? user : flag.get();
            });
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
