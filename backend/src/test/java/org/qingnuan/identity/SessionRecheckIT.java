package org.qingnuan.identity;

import org.junit.jupiter.api.Test;
import org.qingnuan.testing.IntegrationTest;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;

import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19: a session read from Redis less than a second ago is taken from the instance's own copy (decision 310).
 * What another instance does (here: Redis changed behind this instance's back) counts within that second; what this
 * instance does counts at once.
 */
class SessionRecheckIT extends IntegrationTest {

    @Autowired
    UserSessions sessions;

    @Autowired
    RedissonClient redisson;

    @Test
    void anotherInstancesSignOutCountsWithinTheRecheckWindow() throws Exception {
        String token = sessions.open(9_100_001L, null);
        assertThat(sessions.touch(token)).isPresent();

        // another instance revokes it: tombstone written, session hash deleted
        String sessionId = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes()));
        redisson.getBucket("qn:wx:revoked:" + sessionId, StringCodec.INSTANCE).set("1", Duration.ofMinutes(5));
        redisson.getMap("qn:wx:session:" + sessionId, StringCodec.INSTANCE).delete();

        assertThat(sessions.touch(token)).as("checked less than a second ago: the local copy answers").isPresent();
        clock.advance(Duration.ofMillis(1_000));
        assertThat(sessions.touch(token)).as("a second later Redis is asked again").isEmpty();
        assertThat(sessions.revoked(token)).isTrue();
    }

    @Test
    void thisInstancesSignOutCountsAtOnce() {
        String token = sessions.open(9_100_002L, null);
        String sessionId = sessions.touch(token).orElseThrow().sessionId();
        sessions.close(9_100_002L, sessionId);
        assertThat(sessions.touch(token)).isEmpty();
        assertThat(sessions.revoked(token)).isTrue();
    }
}
