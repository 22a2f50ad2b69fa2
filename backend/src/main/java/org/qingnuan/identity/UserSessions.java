package org.qingnuan.identity;

import org.qingnuan.privacy.PersonalDataCipher;
import org.qingnuan.shared.session.TokenSessions;
import org.qingnuan.shared.redis.RedisAvailability;
import org.qingnuan.shared.redis.RedisUnavailableException;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.qingnuan.shared.persistence.AfterCommit;

import org.springframework.beans.factory.annotation.Value;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Mini-program tokens ({@link TokenSessions} in the "wx" namespace) and WeChat's session_key,
 * which is kept sealed in Redis for a short while and never leaves the server.
 */
@Component
public class UserSessions {

    private static final String SESSION_KEY = "qn:wx:session-key:";

    private final TokenSessions tokens;
    private final RedissonClient redisson;
    private final RedisAvailability redis;
    private final PersonalDataCipher cipher;
    private final MiniProgramAuthProperties properties;

    UserSessions(RedissonClient redisson, RedisAvailability redis, Clock clock, PersonalDataCipher cipher,
                 MiniProgramAuthProperties properties,
                 @Value("${qingnuan.session.outage-grace:30m}") Duration outageGrace,
                 @Value("${qingnuan.session.recheck-after:1s}") Duration recheckAfter) {
        this.tokens = new TokenSessions(redisson, redis, clock, "wx", properties.idleTimeout(), properties.absoluteTimeout(),
                outageGrace, recheckAfter);
        this.redis = redis;
        this.redisson = redisson;
        this.cipher = cipher;
        this.properties = properties;
    }

    public String open(long userId, String sessionKey) {
        if (sessionKey != null) {
            redis.run(() -> bucket(userId).set(cipher.seal(sessionKey), properties.sessionKeyTtl()));
        }
        return tokens.open(userId);
    }

    /** The live session of a token; {@link org.qingnuan.shared.redis.RedisUnavailableException} when it cannot be told. */
    public Optional<TokenSessions.Session> touch(String token) {
        return tokens.touch(token);
    }

    /** Whether a dead token was ended on purpose (sign-out, roles withdrawn) rather than run out. */
    public boolean revoked(String token) {
        return tokens.revoked(token);
    }

    /** Keeps the user's roles with the session (see {@link SignedInUsers}). */
    void attach(String sessionId, String roles) {
        tokens.attach(sessionId, roles);
    }

    /**
     * The user's roles changed: every session of theirs reads them afresh, at once and again once the change is
     * committed (a request reading between the two would otherwise keep the old roles).
     */
    void forgetRoles(long userId) {
        tokens.detachAll(userId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            AfterCommit.run(() -> tokens.detachAll(userId));
        }
    }

    public void close(long userId, String sessionId) {
        tokens.close(userId, sessionId);
        try {
            redis.run(() -> bucket(userId).delete());
        } catch (RedisUnavailableException down) {
            // it expires by itself within sessionKeyTtl
        }
    }

    /** WeChat's session_key of the user's latest sign-in, while it is kept. */
    public Optional<String> sessionKey(long userId) {
        return Optional.ofNullable(redis.call(() -> bucket(userId).get())).map(cipher::open);
    }

    public long idleTimeoutSeconds() {
        return properties.idleTimeout().toSeconds();
    }

    private RBucket<String> bucket(long userId) {
        return redisson.getBucket(SESSION_KEY + userId, StringCodec.INSTANCE);
    }
}
