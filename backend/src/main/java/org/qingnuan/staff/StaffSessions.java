package org.qingnuan.staff;

import org.qingnuan.shared.session.TokenSessions;
import org.redisson.api.RedissonClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Optional;

/** Staff tokens: {@link TokenSessions} with the staff API's idle and absolute limits. */
@Component
public class StaffSessions {

    private final TokenSessions tokens;

    StaffSessions(RedissonClient redisson, AuthProperties properties, Clock clock) {
        this.tokens = new TokenSessions(redisson, clock, "staff", properties.idleTimeout(), properties.absoluteTimeout());
    }

    /** A live session: the staff member and the hashed token. */
    public record Session(long staffId, String sessionId) {
    }

    /** Opens a session and returns the token to hand to the client (once). */
    public String open(long staffId) {
        return tokens.open(staffId);
    }

    /** Checks a token and, when it is alive, marks it used now. */
    public Optional<Session> touch(String token) {
        return tokens.touch(token).map(s -> new Session(s.subjectId(), s.sessionId()));
    }

    public void close(long staffId, String sessionId) {
        tokens.close(staffId, sessionId);
    }

    /** Signs a staff member out everywhere, except the given session (null: everywhere). */
    public void closeAll(long staffId, String keepSessionId) {
        tokens.closeAll(staffId, keepSessionId);
    }
}
