package org.qingnuan.shared.session;

import org.redisson.api.RMap;
import org.redisson.api.RSet;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Opaque bearer tokens kept in Redis, so that every instance sees a sign-out at once. A token is a
 * random string; Redis holds only its SHA-256 (the session id), so a copy of Redis signs nobody in.
 * Expiry is decided with the application clock (idle and absolute limits); Redis' own TTL only
 * clears dead sessions away. Staff and mini-program users each have their own namespace.
 */
public class TokenSessions {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final RedissonClient redisson;
    private final Clock clock;
    private final String sessionKey;
    private final String indexKey;
    private final Duration idleTimeout;
    private final Duration absoluteTimeout;

    /**
     * A live session: whose it is, the hashed token, and what the feature attached to it (empty when nothing
     * is, or it was dropped since).
     */
    public record Session(long subjectId, String sessionId, String attachment) {
    }

    /** A field kept with the session for its owner's use (e.g. the user's roles); "" when none. */
    private static final String ATTACHMENT = "attachment";

    public TokenSessions(RedissonClient redisson, Clock clock, String namespace, Duration idleTimeout,
                         Duration absoluteTimeout) {
        this.redisson = redisson;
        this.clock = clock;
        this.sessionKey = "qn:" + namespace + ":session:";
        this.indexKey = "qn:" + namespace + ":sessions-of:";
        this.idleTimeout = idleTimeout;
        this.absoluteTimeout = absoluteTimeout;
    }

    /** Opens a session and returns the token to hand to the client (once). */
    public String open(long subjectId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String sessionId = sessionId(token);
        long now = clock.millis();
        RMap<String, String> session = session(sessionId);
        session.putAll(Map.of("subjectId", Long.toString(subjectId), "issuedAt", Long.toString(now),
                "lastSeenAt", Long.toString(now), ATTACHMENT, ""));
        session.expire(idleTimeout);
        RSet<String> index = index(subjectId);
        index.add(sessionId);
        index.expire(absoluteTimeout);
        return token;
    }

    private static final long TOUCH_EVERY_MILLIS = 60_000;

    /** Checks a token and, when it is alive, marks it used now (to the minute). */
    public Optional<Session> touch(String token) {
        if (token == null || token.isEmpty() || token.length() > 128) {
            return Optional.empty();
        }
        String sessionId = sessionId(token);
        RMap<String, String> session = session(sessionId);
        Map<String, String> fields = session.readAllMap();
        if (fields.isEmpty() || !fields.containsKey("subjectId")) {
            return Optional.empty();
        }
        long now = clock.millis();
        long issuedAt = Long.parseLong(fields.get("issuedAt"));
        long lastSeenAt = Long.parseLong(fields.get("lastSeenAt"));
        long subjectId = Long.parseLong(fields.get("subjectId"));
        if (now - lastSeenAt > idleTimeout.toMillis() || now - issuedAt > absoluteTimeout.toMillis()) {
            close(subjectId, sessionId);
            return Optional.empty();
        }
        // written at most once a minute: every request of a busy user otherwise paid two more Redis round trips
        // (the submission benchmark's largest cost); the idle timeout is therefore exact to a minute
        if (now - lastSeenAt >= TOUCH_EVERY_MILLIS) {
            session.fastPut("lastSeenAt", Long.toString(now));
            session.expire(idleTimeout);
        }
        return Optional.of(new Session(subjectId, sessionId, fields.getOrDefault(ATTACHMENT, "")));
    }

    /**
     * Keeps a value with a live session, read back by {@link #touch}. Written only where the field already
     * exists, so a session closed meanwhile is not brought back as a stray hash.
     */
    public void attach(String sessionId, String value) {
        session(sessionId).fastPutIfExists(ATTACHMENT, value);
    }

    /** Drops what is attached to every session of the subject (it changed and must be read afresh). */
    public void detachAll(long subjectId) {
        for (String sessionId : index(subjectId).readAll()) {
            attach(sessionId, "");
        }
    }

    public void close(long subjectId, String sessionId) {
        session(sessionId).delete();
        index(subjectId).remove(sessionId);
    }

    /** Signs someone out everywhere, except the given session (null: everywhere). */
    public void closeAll(long subjectId, String keepSessionId) {
        RSet<String> index = index(subjectId);
        for (String sessionId : index.readAll()) {
            if (!sessionId.equals(keepSessionId)) {
                close(subjectId, sessionId);
            }
        }
    }

    private RMap<String, String> session(String sessionId) {
        return redisson.getMap(sessionKey + sessionId, StringCodec.INSTANCE);
    }

    private RSet<String> index(long subjectId) {
        return redisson.getSet(indexKey + subjectId, StringCodec.INSTANCE);
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
