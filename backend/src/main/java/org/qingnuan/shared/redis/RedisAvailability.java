package org.qingnuan.shared.redis;

import jakarta.annotation.PreDestroy;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Whether Redis answered lately. Once a call fails for want of Redis (no connection, a timeout), every
 * caller is told "down" at once instead of each waiting out Redisson's timeouts again. A background probe
 * then tries Redis a second after each failed try (at most every {@code qingnuan.redis.down-for}) and brings it
 * back when it answers: no user's
 * request pays for trying a Redis that is gone (when a caller was the probe, one request in every window
 * waited the full timeout, the board's p99 at 100,000 open tasks was 200 ms instead of 40). Without a probe
 * (unit tests) one caller at a time tries again after the window. The change of state is logged once each
 * way, without a stack trace.
 */
@Component
public class RedisAvailability {

    private static final Logger log = LoggerFactory.getLogger(RedisAvailability.class);
    private static final String PROBE_KEY = "qingnuan:redis-probe";
    private static final long PROBE_GAP_MILLIS = 1_000;

    private final Clock clock;
    private final long downForMillis;
    private final Runnable probe;
    private volatile long downUntil;
    private volatile boolean down;
    private final AtomicBoolean probing = new AtomicBoolean();
    private ScheduledExecutorService prober;

    @Autowired
    public RedisAvailability(@Value("${qingnuan.redis.down-for:3s}") Duration downFor, ObjectProvider<RedissonClient> redisson) {
        // any cheap read that goes to the server answers "is it back" whatever the topology
        this(downFor, (Runnable) () -> redisson.getObject().getBucket(PROBE_KEY).isExists());
    }

    /** Without a background probe: after each window one caller tries Redis again. */
    public RedisAvailability(Duration downFor) {
        this(downFor, (Runnable) null);
    }

    RedisAvailability(Duration downFor, Runnable probe) {
        // the system clock, not the application's: tests move the latter by hours
        this.clock = Clock.systemUTC();
        this.downForMillis = downFor.toMillis();
        this.probe = probe;
    }

    /** Runs a Redis operation, or fails at once with {@link RedisUnavailableException} while Redis is down. */
    public <T> T call(Supplier<T> operation) {
        boolean probe = false;
        if (down) {
            if (this.probe != null || clock.millis() < downUntil || !probing.compareAndSet(false, true)) {
                throw new RedisUnavailableException(null);
            }
            probe = true;
        }
        try {
            T result = operation.get();
            if (down) {
                up();
            }
            return result;
        } catch (RuntimeException e) {
            if (isOutage(e)) {
                markDown(e);
                throw e instanceof RedisUnavailableException r ? r : new RedisUnavailableException(e);
            }
            throw e;
        } finally {
            if (probe) {
                probing.set(false);
            }
        }
    }

    public void run(Runnable operation) {
        call(() -> {
            operation.run();
            return null;
        });
    }

    /** False while Redis is taken for down (no call is even tried). */
    public boolean usable() {
        return !down || (probe == null && clock.millis() >= downUntil);
    }

    public boolean isDown() {
        return down;
    }

    /** Records an outage seen elsewhere (a failure that did not go through {@link #call}). */
    public void markDown(Throwable cause) {
        downUntil = clock.millis() + downForMillis;
        if (!down) {
            down = true;
            log.warn("Redis unavailable ({}); signed-in users are served from the local session cache, "
                    + "the task board from the database", describe(cause));
            scheduleProbe();
        }
    }

    private synchronized void scheduleProbe() {
        if (probe == null || !probing.compareAndSet(false, true)) {
            return;
        }
        if (prober == null) {
            prober = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "redis-probe");
                t.setDaemon(true);
                return t;
            });
        }
        try {
            // a second between tries, not the whole window: a probe that fails has already waited Redisson's
            // timeout, and the fault run measured 10 s from Redis back to the first success with 3 s gaps
            prober.schedule(this::runProbe, Math.min(downForMillis, PROBE_GAP_MILLIS), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
            probing.set(false);
        }
    }

    private void runProbe() {
        boolean answered = false;
        try {
            probe.run();
            answered = true;
        } catch (RuntimeException e) {
            if (!isOutage(e)) {
                answered = true; // Redis answered, with an error: it is there
            }
        } finally {
            probing.set(false);
        }
        if (answered) {
            up();
        } else {
            downUntil = clock.millis() + downForMillis;
            scheduleProbe();
        }
    }

    @PreDestroy
    synchronized void stopProbe() {
        if (prober != null) {
            prober.shutdownNow();
        }
    }

    private synchronized void up() {
        if (down) {
            down = false;
            log.info("Redis answers again");
        }
    }

    /**
     * True when the failure means Redis cannot be reached or did not answer in time (not a bad command). Redisson's
     * own exception types only: a bare {@code ConnectException} may as well be the database's (the fault run
     * answered REDIS_UNAVAILABLE for a stopped MariaDB when it counted).
     */
    public static boolean isOutage(Throwable e) {
        boolean redisson = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            // Redisson sometimes wraps a refused connection in its generic RedisException ("Unexpected exception
            // while processing command"): below one of its own exceptions, a connect failure is Redis's
            if (redisson && t instanceof java.net.ConnectException) {
                return true;
            }
            redisson |= t instanceof org.redisson.client.RedisException;
            if (t instanceof RedisUnavailableException
                    || t instanceof org.redisson.client.RedisConnectionException
                    || t instanceof org.redisson.client.RedisTimeoutException
                    || t instanceof org.redisson.client.RedisRetryException
                    || t instanceof org.redisson.client.RedisNodeNotFoundException
                    || t instanceof org.redisson.client.WriteRedisConnectionException
                    || t instanceof org.redisson.RedissonShutdownException
                    || t instanceof org.redisson.client.RedisLoadingException
                    || t instanceof org.redisson.client.RedisTryAgainException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String describe(Throwable cause) {
        if (cause == null) {
            return "no answer";
        }
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
