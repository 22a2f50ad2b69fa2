package org.qingnuan.shared.redis;

import org.junit.jupiter.api.Test;
import org.qingnuan.api.error.CommonError;
import org.qingnuan.shared.error.Outages;
import org.redisson.client.RedisConnectionException;
import org.redisson.client.RedisException;
import org.redisson.client.RedisTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedisAvailabilityTest {

    @Test
    void afterAnOutageNobodyTriesRedisUntilTheWindowEndsThenOneProbeBringsItBack() throws Exception {
        RedisAvailability redis = new RedisAvailability(Duration.ofMillis(300));
        AtomicInteger tried = new AtomicInteger();
        assertThatThrownBy(() -> redis.call(() -> {
            tried.incrementAndGet();
            throw new RedisConnectionException("refused");
        })).isInstanceOf(RedisUnavailableException.class);
        assertThat(redis.isDown()).isTrue();
        assertThat(redis.usable()).isFalse();
        // within the window: refused at once, Redis not even tried
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> redis.call(() -> tried.incrementAndGet())).isInstanceOf(RedisUnavailableException.class);
        }
        assertThat(tried).hasValue(1);
        Thread.sleep(350);
        assertThat(redis.usable()).isTrue();
        assertThat(redis.call(() -> tried.incrementAndGet())).isEqualTo(2);
        assertThat(redis.isDown()).isFalse();
    }

    @Test
    void withABackgroundProbeNoCallerEverTriesADeadRedisAndTheProbeBringsItBack() throws Exception {
        AtomicInteger probes = new AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean redisBack = new java.util.concurrent.atomic.AtomicBoolean();
        RedisAvailability redis = new RedisAvailability(Duration.ofMillis(100), () -> {
            probes.incrementAndGet();
            if (!redisBack.get()) {
                throw new RedisConnectionException("refused");
            }
        });
        try {
            AtomicInteger tried = new AtomicInteger();
            assertThatThrownBy(() -> redis.call(() -> {
                tried.incrementAndGet();
                throw new RedisTimeoutException("no answer");
            })).isInstanceOf(RedisUnavailableException.class);
            // well past several windows: callers are refused at once, the probe alone keeps trying
            long until = System.currentTimeMillis() + 450;
            while (System.currentTimeMillis() < until) {
                assertThatThrownBy(() -> redis.call(() -> tried.incrementAndGet())).isInstanceOf(RedisUnavailableException.class);
                assertThat(redis.usable()).isFalse();
                Thread.sleep(20);
            }
            assertThat(tried).as("no request waited on the dead Redis after the first").hasValue(1);
            assertThat(probes.get()).as("the probe retried every window").isGreaterThanOrEqualTo(3);
            redisBack.set(true);
            long deadline = System.currentTimeMillis() + 2_000;
            while (redis.isDown() && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertThat(redis.isDown()).as("the probe brought Redis back").isFalse();
            assertThat(redis.call(() -> tried.incrementAndGet())).isEqualTo(2);
        } finally {
            redis.stopProbe();
        }
    }

    @Test
    void aFailingProbeStartsANewWindowAndABadCommandIsNoOutage() throws Exception {
        RedisAvailability redis = new RedisAvailability(Duration.ofMillis(200));
        assertThatThrownBy(() -> redis.call(() -> {
            throw new RedisException("WRONGTYPE Operation against a key holding the wrong kind of value");
        })).isInstanceOf(RedisException.class).isNotInstanceOf(RedisUnavailableException.class);
        assertThat(redis.isDown()).isFalse();
        redis.markDown(new RedisTimeoutException("slow"));
        Thread.sleep(250);
        assertThatThrownBy(() -> redis.call(() -> {
            throw new RedisTimeoutException("still slow");
        })).isInstanceOf(RedisUnavailableException.class);
        assertThat(redis.usable()).as("the failed probe opened a new window").isFalse();
    }

    @Test
    void outagesOfRedisAndTheDatabaseHaveTheirOwnCodesAndABugHasNone() {
        assertThat(Outages.codeOf(new RedisUnavailableException(null))).contains(CommonError.REDIS_UNAVAILABLE);
        assertThat(Outages.codeOf(new IllegalStateException(new RedisConnectionException("x")))).contains(CommonError.REDIS_UNAVAILABLE);
        assertThat(Outages.codeOf(new CannotGetJdbcConnectionException("no connection",
                new SQLTransientConnectionException("timed out")))).contains(CommonError.DATABASE_UNAVAILABLE);
        assertThat(Outages.codeOf(new org.springframework.transaction.CannotCreateTransactionException("x"))).contains(CommonError.DATABASE_UNAVAILABLE);
        assertThat(Outages.codeOf(new org.springframework.transaction.TransactionSystemException("JDBC rollback failed",
                new java.sql.SQLException("Connection is closed")))).contains(CommonError.DATABASE_UNAVAILABLE);
        assertThat(Outages.codeOf(new org.springframework.jdbc.UncategorizedSQLException("x", "SELECT 1",
                new java.sql.SQLException("gone", "08S01")))).contains(CommonError.DATABASE_UNAVAILABLE);
        // the database's refused connection is not Redis' (the fault run once answered REDIS_UNAVAILABLE for it)
        assertThat(Outages.codeOf(new CannotGetJdbcConnectionException("no connection",
                new java.sql.SQLNonTransientConnectionException("refused", "08000", new java.net.ConnectException("refused")))))
                .contains(CommonError.DATABASE_UNAVAILABLE);
        // Redisson's generic exception around a refused connection (seen when Redis was killed mid-race)
        assertThat(RedisAvailability.isOutage(new org.redisson.client.RedisException("Unexpected exception while processing command",
                new RuntimeException(new java.net.ConnectException("Connection refused"))))).isTrue();
        assertThat(RedisAvailability.isOutage(new org.redisson.client.RedisException("ERR wrong number of arguments"))).isFalse();
        assertThat(Outages.codeOf(new NullPointerException())).isEmpty();
        assertThat(Outages.codeOf(new org.springframework.dao.DuplicateKeyException("dup"))).isEmpty();
    }
}
