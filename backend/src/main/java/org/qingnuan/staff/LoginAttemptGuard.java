package org.qingnuan.staff;

import org.qingnuan.shared.error.DomainException;
import org.qingnuan.shared.redis.RedisAvailability;
import org.redisson.api.RAtomicLong;
import org.redisson.api.RedissonClient;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing across many accounts from one address: after too many failed
 * sign-ins within the window the address gets 429 until the window ends. (Per-account guessing is
 * stopped by the account lock-out.)
 */
@Component
class LoginAttemptGuard {

    private static final String KEY = "qn:staff:login-failures:";

    private final RedissonClient redisson;
    private final RedisAvailability redis;
    private final AuthProperties properties;

    LoginAttemptGuard(RedissonClient redisson, RedisAvailability redis, AuthProperties properties) {
        this.redisson = redisson;
        this.redis = redis;
        this.properties = properties;
    }

    /** Needs Redis (a sign-in opens a session there anyway): while it is down, a 503 at once. */
    void requireAllowed(String clientIp) {
        if (redis.call(() -> counter(clientIp).get()) >= properties.maxFailedLoginsPerIp()) {
            throw new DomainException(StaffError.LOGIN_RATE_LIMITED);
        }
    }

    void recordFailure(String clientIp) {
        redis.run(() -> {
            RAtomicLong counter = counter(clientIp);
            if (counter.incrementAndGet() == 1) {
                counter.expire(properties.failedLoginWindow());
            }
        });
    }

    private RAtomicLong counter(String clientIp) {
        return redisson.getAtomicLong(KEY + clientIp);
    }
}
