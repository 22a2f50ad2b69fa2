package org.qingnuan.shared.redis;

/**
 * Redis cannot be reached (or is taken for down, see {@link RedisAvailability}). The global handler answers
 * it with {@code 503 REDIS_UNAVAILABLE}; code that has a Redis-less way catches it and takes that way.
 */
public class RedisUnavailableException extends RuntimeException {

    public RedisUnavailableException(Throwable cause) {
        // no stack trace: it is an expected state, logged once by RedisAvailability
        super("Redis unavailable", cause, false, false);
    }
}
