package org.qingnuan.ticket;

import org.qingnuan.api.ticket.TicketCategory;
import org.qingnuan.api.ticket.TicketStatus;
import org.qingnuan.shared.redis.RedisAvailability;
import org.qingnuan.shared.redis.RedisUnavailableException;
import org.qingnuan.ticket.internal.HelpTicketMapper;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the open-task index ({@link OpenTaskIndex}) in step with the database: rebuilt at start, within
 * {@code qingnuan.ticket.index-check} of its marker going missing (Redis restarted without its data), and
 * whenever the periodic comparison ({@code qingnuan.ticket.index-reconcile}) finds a category's count in Redis
 * different from the database's (an update lost while Redis was down). One instance does it at a time
 * (a Redisson lock, not waited for); until it is done the board reads the database.
 */
@Component
class OpenTaskReconciler {

    private static final Logger log = LoggerFactory.getLogger(OpenTaskReconciler.class);
    static final String LOCK = "qn:tasks:open-index:reconcile";

    enum Outcome { IN_STEP, REBUILT, BUSY_ELSEWHERE, REDIS_DOWN }

    private final OpenTaskIndex index;
    private final HelpTicketMapper tickets;
    private final RedissonClient redisson;
    private final RedisAvailability redis;
    private final Clock clock = Clock.systemUTC();
    private volatile long lastCompared;
    private final long compareEveryMillis;

    OpenTaskReconciler(OpenTaskIndex index, HelpTicketMapper tickets, RedissonClient redisson, RedisAvailability redis,
                       @org.springframework.beans.factory.annotation.Value("${qingnuan.ticket.index-reconcile:1m}")
                       java.time.Duration compareEvery) {
        this.index = index;
        this.tickets = tickets;
        this.redisson = redisson;
        this.redis = redis;
        this.compareEveryMillis = compareEvery.toMillis();
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        reconcile(true);
    }

    /** Often and cheap: one EXISTS, and the full comparison when it is due. */
    @Scheduled(fixedDelayString = "${qingnuan.ticket.index-check:10s}", initialDelayString = "${qingnuan.ticket.index-check:10s}")
    void check() {
        reconcile(clock.millis() - lastCompared >= compareEveryMillis);
    }

    /** Rebuilds when the index is missing, or (with {@code compare}) when its counts differ from the database's. */
    Outcome reconcile(boolean compare) {
        try {
            if (!compare && index.built()) {
                return Outcome.IN_STEP;
            }
            RLock lock = redisson.getLock(LOCK);
            if (!redis.call(() -> tryLock(lock))) {
                return Outcome.BUSY_ELSEWHERE;
            }
            try {
                lastCompared = clock.millis();
                String why = behind();
                if (why == null) {
                    return Outcome.IN_STEP;
                }
                long started = System.nanoTime();
                int n = index.rebuild();
                log.info("Open-task index rebuilt ({}): {} tasks in {} ms", why, n, (System.nanoTime() - started) / 1_000_000);
                return Outcome.REBUILT;
            } finally {
                try {
                    redis.run(() -> {
                        if (lock.isHeldByCurrentThread()) {
                            lock.unlock();
                        }
                    });
                } catch (RedisUnavailableException down) {
                    // the lease runs out by itself
                }
            }
        } catch (RedisUnavailableException down) {
            return Outcome.REDIS_DOWN;
        } catch (RuntimeException e) {
            // the database is down, most likely: the next run tries again
            log.warn("Open-task index not reconciled: {}", e.getClass().getSimpleName());
            return Outcome.REDIS_DOWN;
        }
    }

    private static boolean tryLock(RLock lock) {
        try {
            // not waited for: another instance is at it; the lease ends a rebuild that died with its instance
            return lock.tryLock(0, 5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Why the index must be rebuilt, or null when it is in step. */
    private String behind() {
        if (!index.built()) {
            return "missing";
        }
        Map<TicketCategory, Integer> inRedis = index.sizes();
        Map<TicketCategory, Long> inDatabase = new EnumMap<>(TicketCategory.class);
        for (Map<String, Object> row : tickets.selectMaps(new com.baomidou.mybatisplus.core.conditions.query.QueryWrapper<HelpTicket>()
                .select("category", "COUNT(*) AS n").eq("status", TicketStatus.OPEN.name())
                .isNotNull("latitude").isNotNull("longitude").groupBy("category"))) {
            inDatabase.put(TicketCategory.valueOf(String.valueOf(row.get("category"))), ((Number) row.get("n")).longValue());
        }
        for (TicketCategory category : TicketCategory.values()) {
            long expected = inDatabase.getOrDefault(category, 0L);
            if (inRedis.getOrDefault(category, 0) != expected) {
                return category + " " + inRedis.getOrDefault(category, 0) + " in Redis, " + expected + " open";
            }
        }
        return null;
    }
}
