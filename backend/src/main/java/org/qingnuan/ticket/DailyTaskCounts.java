package org.qingnuan.ticket;

import org.qingnuan.shared.error.DomainException;
import org.qingnuan.shared.time.Days;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * What a volunteer holds and did today — their active tasks, and their claims and releases counted from the requests'
 * history (the rows the lifecycle writes with every move), so the counts are exact and need no second store. A claim
 * checks the cap before its race (so that one who may not claim does not take the task's flag from one who may) and
 * everything again under the volunteer's row lock ({@link ClaimGuard}), which makes count-then-claim atomic per
 * volunteer.
 */
@Component
class DailyTaskCounts {

    /**
     * The tasks a volunteer holds (claimed or started) in any org: plain JDBC, so no jurisdiction filter applies — staff
     * assigning a volunteer may see only some of them, yet the cap counts them all. Also read with the task a claim
     * reads before its race ({@link TaskBoardRows#claimable}).
     */
    static final String ACTIVE = "SELECT COUNT(*) FROM help_ticket WHERE claimed_by = ? AND status IN ('CLAIMED', 'IN_PROGRESS')";
    /**
     * The tasks a volunteer holds (claimed or started, in any org) and their claims and releases since a moment, in
     * one statement: it runs under the volunteer's row lock in every claim. Plain JDBC, as
     * the task board's rows ({@link TaskBoardRows}): a mapper statement's session and mapping cost more than the read.
     */
    private static final String LOAD = "SELECT (" + ACTIVE + "), (SELECT COUNT(*) FROM help_ticket_event WHERE actor_type = 'VOLUNTEER'"
            + " AND actor_id = ? AND action = 'CLAIM' AND created_at >= ?), (SELECT COUNT(*) FROM help_ticket_event"
            + " WHERE actor_type = 'VOLUNTEER' AND actor_id = ? AND action = 'RELEASE' AND created_at >= ?)";

    private final JdbcTemplate jdbc;
    private final TaskBoardProperties properties;
    private final Clock clock;

    DailyTaskCounts(JdbcTemplate jdbc, TaskBoardProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** The volunteer's load, in one statement. */
    private record Load(long active, int claimed, int released) {
    }

    /**
     * What a claim checks before its race: 409 when the volunteer holds as many tasks as they may ({@code active}, read
     * with the task: {@link TaskBoardRows#claimable}).
     */
    void requireBelowCap(VolunteerActor v, long active) {
        if (active >= v.maxActiveTasks()) {
            throw tooMany(v, active);
        }
    }

    /** The tasks the volunteer holds, claimed or started, in any org. */
    long active(long volunteerId) {
        Long n = jdbc.queryForObject(ACTIVE, Long.class, volunteerId);
        return n == null ? 0 : n;
    }

    /**
     * What a claim checks under the volunteer's row lock: 429 when they have claimed their day's share or given back
     * too many tasks today; 409 when they hold as many tasks as they may.
     */
    void requireMayClaim(VolunteerActor v) {
        Load load = loadOf(v.volunteerId());
        if (load.released() >= properties.releasesPerDay()) {
            throw DomainException.limited(TicketError.RELEASE_LIMIT_REACHED, "您今天已放弃 " + load.released()
                    + " 个任务，今天不能再认领新任务，明天再来吧；如有疑问请联系所在团委", Days.untilTomorrow(clock));
        }
        if (load.claimed() >= properties.claimsPerDay()) {
            throw DomainException.limited(TicketError.CLAIM_LIMIT_REACHED, "您今天已认领 " + load.claimed()
                    + " 个任务（每天最多 " + properties.claimsPerDay() + " 个），明天再来吧", Days.untilTomorrow(clock));
        }
        if (load.active() >= v.maxActiveTasks()) {
            throw tooMany(v, load.active());
        }
    }

    private static DomainException tooMany(VolunteerActor v, long active) {
        return new DomainException(TicketError.TOO_MANY_ACTIVE_TASKS,
                "您已有 " + active + " 个进行中的任务（最多 " + v.maxActiveTasks() + " 个），请先完成或放弃其中一个");
    }

    int releasesToday(long volunteerId) {
        return loadOf(volunteerId).released();
    }

    int releaseAlertAfter() {
        return properties.releaseAlertAfter();
    }

    Duration quickRelease() {
        return properties.quickRelease();
    }

    private Load loadOf(long volunteerId) {
        LocalDateTime since = LocalDate.now(clock).atStartOfDay();
        return jdbc.queryForObject(LOAD, (rs, n) -> new Load(rs.getLong(1), rs.getInt(2), rs.getInt(3)),
                volunteerId, volunteerId, since, volunteerId, since);
    }
}
