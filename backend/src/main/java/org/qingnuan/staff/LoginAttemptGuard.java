package org.qingnuan.staff;

import org.qingnuan.shared.error.DomainException;
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
    private final AuthProperties properties;

    LoginAttemptGuard(RedissonClient redisson, AuthProperties properties) {
        this.redisson = redisson;
        this.properties = properties;
    }

    void requireAllowed(String clientIp) {
        if (counter(clientIp).get() >= properties.maxFailedLoginsPerIp()) {
            throw new DomainException(StaffError.LOGIN_RATE_LIMITED);
        }
    }

    void recordFailure(String clientIp) {
        RAtomicLong counter = counter(clientIp);
        if (counter.incrementAndGet() == 1) {
            counter.expire(properties.failedLoginWindow());
        }
    }

    private RAtomicLong counter(String clientIp) {
        return redisson.getAtomicLong(KEY + clientIp);
    }
}
