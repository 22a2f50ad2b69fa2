package org.qingnuan.ticket;

import org.qingnuan.shared.error.DomainException;
import org.qingnuan.shared.time.Days;
import org.qingnuan.ticket.internal.HelpTicketEventMapper;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

/**
 * What a volunteer holds and did today — their active tasks, and their claims and releases counted from the requests'
 * history (the rows the lifecycle writes with every move), so the counts are exact and need no second store. A claim
 * checks them before its race and again under the volunteer's row lock ({@link ClaimGuard}), which makes
 * count-then-claim atomic per volunteer.
 */
@Component
class DailyTaskCounts {

    private final HelpTicketEventMapper events;
    private final TaskBoardProperties properties;
    private final Clock clock;

    DailyTaskCounts(HelpTicketEventMapper events, TaskBoardProperties properties, Clock clock) {
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** The volunteer's load, in one statement. */
    private record Load(long active, int claimed, int released) {
    }

    /**
     * 429 when the volunteer has claimed their day's share or given back too many tasks today; 409 when they hold as
     * many tasks as they may.
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
            throw new DomainException(TicketError.TOO_MANY_ACTIVE_TASKS,
                    "您已有 " + load.active() + " 个进行中的任务（最多 " + v.maxActiveTasks() + " 个），请先完成或放弃其中一个");
        }
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
        Map<String, Object> row = events.volunteerLoadSince(volunteerId, LocalDate.now(clock).atStartOfDay());
        return new Load(count(row, "active"), (int) count(row, "claimed"), (int) count(row, "released"));
    }

    private static long count(Map<String, Object> row, String column) {
        // H2 answers upper-case labels, MariaDB the ones written
        Object n = row.containsKey(column) ? row.get(column) : row.get(column.toUpperCase(java.util.Locale.ROOT));
        return ((Number) n).longValue();
    }
}
