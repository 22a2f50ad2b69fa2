package org.qingnuan.staff;

import org.qingnuan.shared.session.TokenSessions;
import org.qingnuan.shared.redis.RedisAvailability;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** Staff tokens: {@link TokenSessions} with the staff API's idle and absolute limits. */
@Component
public class StaffSessions {

    private final TokenSessions tokens;

    StaffSessions(RedissonClient redisson, RedisAvailability redis, AuthProperties properties, Clock clock,
                  @Value("${qingnuan.session.outage-grace:30m}") Duration outageGrace,
                  @Value("${qingnuan.session.recheck-after:1s}") Duration recheckAfter) {
        this.tokens = new TokenSessions(redisson, redis, clock, "staff", properties.idleTimeout(),
                properties.absoluteTimeout(), outageGrace, recheckAfter);
    }

    /** A live session: the staff member and the hashed token. */
    public record Session(long staffId, String sessionId) {
    }

    /** Opens a session and returns the token to hand to the client (once). */
    public String open(long staffId) {
        return tokens.open(staffId);
    }

    /**
     * Checks a token and, when it is alive, marks it used now; {@link org.qingnuan.shared.redis.RedisUnavailableException}
     * when Redis is down and the session was not checked here recently.
     */
    public Optional<Session> touch(String token) {
        return tokens.touch(token).map(s -> new Session(s.subjectId(), s.sessionId()));
    }

    /** Whether a dead token was ended on purpose (sign-out, disabling, password reset) rather than run out. */
    public boolean revoked(String token) {
        return tokens.revoked(token);
    }

    public void close(long staffId, String sessionId) {
        tokens.close(staffId, sessionId);
    }

    /** Signs a staff member out everywhere, except the given session (null: everywhere). */
    public void closeAll(long staffId, String keepSessionId) {
        tokens.closeAll(staffId, keepSessionId);
    }
}
