package org.qingnuan.staff;

import org.redisson.api.RMap;
import org.redisson.api.RSet;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Staff tokens, kept in Redis so that every instance sees a sign-out at once. A token is an opaque
 * random string; Redis holds only its SHA-256 (the session id), so a copy of Redis signs nobody in.
 * Expiry is decided with the application clock (idle and absolute limits); Redis' own TTL only
 * clears dead sessions away.
 */
@Component
public class StaffSessions {

    private static final String SESSION_KEY = "qn:staff:session:";
    private static final String INDEX_KEY = "qn:staff:sessions-of:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RedissonClient redisson;
    private final AuthProperties properties;
    private final Clock clock;

    StaffSessions(RedissonClient redisson, AuthProperties properties, Clock clock) {
        this.redisson = redisson;
        this.properties = properties;
        this.clock = clock;
    }

    /** A live session: the staff member and the hashed token. */
    public record Session(long staffId, String sessionId) {
    }

    /** Opens a session and returns the token to hand to the client (once). */
    public String open(long staffId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String sessionId = sessionId(token);
        long now = clock.millis();
        RMap<String, String> session = session(sessionId);
        session.putAll(Map.of("staffId", Long.toString(staffId), "issuedAt", Long.toString(now),
                "lastSeenAt", Long.toString(now)));
        session.expire(properties.idleTimeout());
        RSet<String> index = index(staffId);
        index.add(sessionId);
        index.expire(properties.absoluteTimeout());
        return token;
    }

    /** Checks a token and, when it is alive, marks it used now. */
    public Optional<Session> touch(String token) {
        String sessionId = sessionId(token);
        RMap<String, String> session = session(sessionId);
        Map<String, String> fields = session.readAllMap();
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        long now = clock.millis();
        long issuedAt = Long.parseLong(fields.get("issuedAt"));
        long lastSeenAt = Long.parseLong(fields.get("lastSeenAt"));
        long staffId = Long.parseLong(fields.get("staffId"));
        if (now - lastSeenAt > properties.idleTimeout().toMillis()
                || now - issuedAt > properties.absoluteTimeout().toMillis()) {
            close(staffId, sessionId);
            return Optional.empty();
        }
        session.fastPut("lastSeenAt", Long.toString(now));
        session.expire(properties.idleTimeout());
        return Optional.of(new Session(staffId, sessionId));
    }

    public void close(long staffId, String sessionId) {
        session(sessionId).delete();
        index(staffId).remove(sessionId);
    }

    /** Signs a staff member out everywhere, except the given session (null: everywhere). */
    public void closeAll(long staffId, String keepSessionId) {
        RSet<String> index = index(staffId);
        for (String sessionId : index.readAll()) {
            if (!sessionId.equals(keepSessionId)) {
                close(staffId, sessionId);
            }
        }
    }

    private RMap<String, String> session(String sessionId) {
        return redisson.getMap(SESSION_KEY + sessionId, StringCodec.INSTANCE);
    }

    private RSet<String> index(long staffId) {
        return redisson.getSet(INDEX_KEY + staffId, StringCodec.INSTANCE);
    }

    private static String sessionId(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
