package org.qingnuan.identity;

import org.qingnuan.privacy.PersonalDataCipher;
import org.qingnuan.shared.session.TokenSessions;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
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
    private final PersonalDataCipher cipher;
    private final MiniProgramAuthProperties properties;

    UserSessions(RedissonClient redisson, Clock clock, PersonalDataCipher cipher, MiniProgramAuthProperties properties) {
        this.tokens = new TokenSessions(redisson, clock, "wx", properties.idleTimeout(), properties.absoluteTimeout());
        this.redisson = redisson;
        this.cipher = cipher;
        this.properties = properties;
    }

    public String open(long userId, String sessionKey) {
        if (sessionKey != null) {
            bucket(userId).set(cipher.seal(sessionKey), properties.sessionKeyTtl());
        }
        return tokens.open(userId);
    }

    public Optional<TokenSessions.Session> touch(String token) {
        return tokens.touch(token);
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
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    tokens.detachAll(userId);
                }
            });
        }
    }

    public void close(long userId, String sessionId) {
        tokens.close(userId, sessionId);
        bucket(userId).delete();
    }

    /** WeChat's session_key of the user's latest sign-in, while it is kept. */
    public Optional<String> sessionKey(long userId) {
        return Optional.ofNullable(bucket(userId).get()).map(cipher::open);
    }

    public long idleTimeoutSeconds() {
        return properties.idleTimeout().toSeconds();
    }

    private RBucket<String> bucket(long userId) {
        return redisson.getBucket(SESSION_KEY + userId, StringCodec.INSTANCE);
    }
}
