package org.qingnuan.shared.session;

import org.qingnuan.shared.redis.RedisAvailability;
import org.qingnuan.shared.redis.RedisUnavailableException;
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
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Opaque bearer tokens kept in Redis, so that every instance sees a sign-out at once. A token is a
 * random string; Redis holds only its SHA-256 (the session id), so a copy of Redis signs nobody in.
 * Expiry is decided with the application clock (idle and absolute limits); Redis' own TTL only
 * clears dead sessions away. Staff and mini-program users each have their own namespace.
 *
 * <p>While Redis is down, a session this instance checked against Redis within the last
 * {@code outageGrace} is still recognised from a bounded local copy (docs/decisions.md, "Redis down");
 * any other token answers {@link RedisUnavailableException}. A sign-out made meanwhile ends the session
 * here at once and in Redis when it returns. A session ended on purpose (sign-out, disabling, password
 * reset) leaves a tombstone for the idle timeout, so that its token is told "revoked", not "expired".
 *
 * <p>A session this instance read from Redis less than {@code recheckAfter} ago is taken from the local copy
 * without asking Redis again: the several calls of one page, or a busy user, cost one round trip a second
 * rather than one each (issue 19). What this instance does to a session (sign-out, roles changed) counts here at
 * once; what another instance did counts here within {@code recheckAfter} (decision 310).
 */
public class TokenSessions {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Most sessions kept locally; a busy instance sees far fewer distinct users within the grace period. */
    static final int LOCAL_LIMIT = 50_000;

    private final RedissonClient redisson;
    private final RedisAvailability redis;
    private final Clock clock;
    private final String sessionKey;
    private final String indexKey;
    private final String revokedKey;
    private final Duration idleTimeout;
    private final Duration absoluteTimeout;
    private final long outageGraceMillis;
    private final long recheckAfterMillis;
    private final Map<String, Local> local = new ConcurrentHashMap<>();
    /** Sign-outs made while Redis was down, written to Redis when it answers again. */
    private final Queue<Runnable> pending = new ConcurrentLinkedQueue<>();

    /**
     * A live session: whose it is, the hashed token, and what the feature attached to it (empty when nothing
     * is, or it was dropped since).
     */
    public record Session(long subjectId, String sessionId, String attachment) {
    }

    /** What this instance last saw of a session in Redis; {@code revoked}: ended here while Redis was down. */
    private static final class Local {
        final long subjectId;
        final long issuedAt;
        final long verifiedAt;
        volatile long lastSeenAt;
        volatile String attachment;
        volatile boolean revoked;

        Local(long subjectId, long issuedAt, long lastSeenAt, String attachment, long verifiedAt) {
            this.subjectId = subjectId;
            this.issuedAt = issuedAt;
            this.lastSeenAt = lastSeenAt;
            this.attachment = attachment;
            this.verifiedAt = verifiedAt;
        }
    }

    /** A field kept with the session for its owner's use (e.g. the user's roles); "" when none. */
    private static final String ATTACHMENT = "attachment";

    public TokenSessions(RedissonClient redisson, RedisAvailability redis, Clock clock, String namespace,
                         Duration idleTimeout, Duration absoluteTimeout, Duration outageGrace, Duration recheckAfter) {
        this.redisson = redisson;
        this.redis = redis;
        this.clock = clock;
        this.sessionKey = "qn:" + namespace + ":session:";
        this.indexKey = "qn:" + namespace + ":sessions-of:";
        this.revokedKey = "qn:" + namespace + ":revoked:";
        this.idleTimeout = idleTimeout;
        this.absoluteTimeout = absoluteTimeout;
        this.outageGraceMillis = outageGrace.toMillis();
        this.recheckAfterMillis = recheckAfter.toMillis();
    }

    /** Opens a session and returns the token to hand to the client (once); needs Redis. */
    public String open(long subjectId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String sessionId = sessionId(token);
        long now = clock.millis();
        redis.run(() -> {
            RMap<String, String> session = session(sessionId);
            session.putAll(Map.of("subjectId", Long.toString(subjectId), "issuedAt", Long.toString(now),
                    "lastSeenAt", Long.toString(now), ATTACHMENT, ""));
            session.expire(idleTimeout);
            RSet<String> index = index(subjectId);
            index.add(sessionId);
            index.expire(absoluteTimeout);
        });
        remember(sessionId, new Local(subjectId, now, now, "", now));
        return token;
    }

    private static final long TOUCH_EVERY_MILLIS = 60_000;

    /**
     * Checks a token and, when it is alive, marks it used now (to the minute). Empty when the token is dead
     * ({@link #revoked} tells why); {@link RedisUnavailableException} when Redis is down and this instance has
     * no recent copy of the session.
     */
    public Optional<Session> touch(String token) {
        if (token == null || token.isEmpty() || token.length() > 128) {
            return Optional.empty();
        }
        String sessionId = sessionId(token);
        long now = clock.millis();
        Local recent = local.get(sessionId);
        if (recent != null && !recent.revoked && now >= recent.verifiedAt && now - recent.verifiedAt < recheckAfterMillis
                && pending.isEmpty()
                && now - recent.issuedAt <= absoluteTimeout.toMillis()) {
            return Optional.of(new Session(recent.subjectId, sessionId, recent.attachment));
        }
        Map<String, String> fields;
        try {
            fields = redis.call(() -> session(sessionId).readAllMap());
        } catch (RedisUnavailableException down) {
            return fromLocalCopy(sessionId, now, down);
        }
        flushPending();
        Local known = local.get(sessionId);
        if (known != null && known.revoked) {
            return Optional.empty();
        }
        if (fields.isEmpty() || !fields.containsKey("subjectId")) {
            local.remove(sessionId);
            return Optional.empty();
        }
        long issuedAt = Long.parseLong(fields.get("issuedAt"));
        long lastSeenAt = Long.parseLong(fields.get("lastSeenAt"));
        long subjectId = Long.parseLong(fields.get("subjectId"));
        if (now - lastSeenAt > idleTimeout.toMillis() || now - issuedAt > absoluteTimeout.toMillis()) {
            drop(subjectId, sessionId);
            return Optional.empty();
        }
        // written at most once a minute: every request of a busy user otherwise paid two more Redis round trips
        // (the submission benchmark's largest cost); the idle timeout is therefore exact to a minute
        if (now - lastSeenAt >= TOUCH_EVERY_MILLIS) {
            bestEffort(() -> {
                RMap<String, String> session = session(sessionId);
                session.fastPut("lastSeenAt", Long.toString(now));
                session.expire(idleTimeout);
            });
        }
        String attachment = fields.getOrDefault(ATTACHMENT, "");
        remember(sessionId, new Local(subjectId, issuedAt, now, attachment, now));
        return Optional.of(new Session(subjectId, sessionId, attachment));
    }

    private Optional<Session> fromLocalCopy(String sessionId, long now, RedisUnavailableException down) {
        Local copy = local.get(sessionId);
        if (copy == null || now - copy.verifiedAt > outageGraceMillis) {
            throw down;
        }
        if (copy.revoked || now - copy.lastSeenAt > idleTimeout.toMillis() || now - copy.issuedAt > absoluteTimeout.toMillis()) {
            return Optional.empty();
        }
        copy.lastSeenAt = now;
        return Optional.of(new Session(copy.subjectId, sessionId, copy.attachment));
    }

    /** Whether a token that {@link #touch} found dead was ended on purpose (sign-out, disabling, password reset). */
    public boolean revoked(String token) {
        if (token == null || token.isEmpty() || token.length() > 128) {
            return false;
        }
        String sessionId = sessionId(token);
        Local copy = local.get(sessionId);
        if (copy != null && copy.revoked) {
            return true;
        }
        try {
            return redis.call(() -> redisson.getBucket(revokedKey + sessionId, StringCodec.INSTANCE).isExists());
        } catch (RedisUnavailableException down) {
            return false;
        }
    }

    /**
     * Keeps a value with a live session, read back by {@link #touch}. Written only where the field already
     * exists, so a session closed meanwhile is not brought back as a stray hash. While Redis is down it is kept
     * in the local copy only.
     */
    public void attach(String sessionId, String value) {
        Local copy = local.get(sessionId);
        if (copy != null) {
            copy.attachment = value;
        }
        bestEffort(() -> session(sessionId).fastPutIfExists(ATTACHMENT, value));
    }

    /** Drops what is attached to every session of the subject (it changed and must be read afresh). */
    public void detachAll(long subjectId) {
        local.values().stream().filter(l -> l.subjectId == subjectId).forEach(l -> l.attachment = "");
        bestEffort(() -> {
            for (String sessionId : index(subjectId).readAll()) {
                session(sessionId).fastPutIfExists(ATTACHMENT, "");
            }
        });
    }

    /** Ends a session on purpose (sign-out, disabling): its token is answered "revoked" from now on. */
    public void close(long subjectId, String sessionId) {
        Local copy = local.get(sessionId);
        if (copy != null) {
            copy.revoked = true;
        }
        orWhenBack(() -> revokeInRedis(subjectId, sessionId));
    }

    /** Signs someone out everywhere, except the given session (null: everywhere). */
    public void closeAll(long subjectId, String keepSessionId) {
        local.forEach((sessionId, copy) -> {
            if (copy.subjectId == subjectId && !sessionId.equals(keepSessionId)) {
                copy.revoked = true;
            }
        });
        orWhenBack(() -> {
            for (String sessionId : index(subjectId).readAll()) {
                if (!sessionId.equals(keepSessionId)) {
                    revokeInRedis(subjectId, sessionId);
                }
            }
        });
    }

    private void revokeInRedis(long subjectId, String sessionId) {
        redisson.getBucket(revokedKey + sessionId, StringCodec.INSTANCE).set("1", idleTimeout);
        session(sessionId).delete();
        index(subjectId).remove(sessionId);
    }

    /** A session that ran out (idle or absolute limit): gone, without a tombstone. */
    private void drop(long subjectId, String sessionId) {
        local.remove(sessionId);
        bestEffort(() -> {
            session(sessionId).delete();
            index(subjectId).remove(sessionId);
        });
    }

    private void remember(String sessionId, Local copy) {
        if (local.size() >= LOCAL_LIMIT && !local.containsKey(sessionId)) {
            long now = clock.millis();
            local.values().removeIf(l -> now - l.verifiedAt > outageGraceMillis);
            if (local.size() >= LOCAL_LIMIT) {
                return;
            }
        }
        Local before = local.put(sessionId, copy);
        if (before != null && before.revoked) {
            // revoked here while Redis was down and Redis does not know yet: stays revoked
            copy.revoked = true;
        }
    }

    private void orWhenBack(Runnable redisWrite) {
        try {
            redis.run(redisWrite);
        } catch (RedisUnavailableException down) {
            pending.add(redisWrite);
        }
    }

    private void flushPending() {
        Runnable next;
        while ((next = pending.peek()) != null) {
            try {
                redis.run(next);
            } catch (RedisUnavailableException down) {
                return;
            }
            pending.remove(next);
        }
    }

    private void bestEffort(Runnable redisWrite) {
        try {
            redis.run(redisWrite);
        } catch (RedisUnavailableException down) {
            // only an accelerator or a refresh: the next request with Redis back does it again
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
