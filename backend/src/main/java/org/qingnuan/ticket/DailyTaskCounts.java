package org.qingnuan.ticket;

import org.qingnuan.shared.error.DomainException;
import org.qingnuan.ticket.internal.HelpTicketEventMapper;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/**
 * A volunteer's claims and releases today, counted from the requests' history (the rows the lifecycle writes
 * with every move), so the count is exact and needs no second store. Callers hold the volunteer's row lock
 * ({@link ClaimGuard}), which makes count-then-claim atomic per volunteer.
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

    /** 429 when the volunteer has claimed their day's share, or given back too many tasks today. */
    void requireClaimAllowed(long volunteerId) {
        // both of today's counts in one statement: it runs under the volunteer's row lock in every claim
        Map<TicketAction, Integer> today = countsToday(volunteerId);
        int released = today.getOrDefault(TicketAction.RELEASE, 0);
        if (released >= properties.releasesPerDay()) {
            throw DomainException.limited(TicketError.RELEASE_LIMIT_REACHED, "您今天已放弃 " + released
                    + " 个任务，今天不能再认领新任务，明天再来吧；如有疑问请联系所在团委", org.qingnuan.shared.time.Days.untilTomorrow(clock));
        }
        int claimed = today.getOrDefault(TicketAction.CLAIM, 0);
        if (claimed >= properties.claimsPerDay()) {
            throw DomainException.limited(TicketError.CLAIM_LIMIT_REACHED, "您今天已认领 " + claimed
                    + " 个任务（每天最多 " + properties.claimsPerDay() + " 个），明天再来吧", org.qingnuan.shared.time.Days.untilTomorrow(clock));
        }
    }

    int releasesToday(long volunteerId) {
        return count(volunteerId, TicketAction.RELEASE);
    }

    int releaseAlertAfter() {
        return properties.releaseAlertAfter();
    }

    Duration quickRelease() {
        return properties.quickRelease();
    }

    private int count(long volunteerId, TicketAction action) {
        return countsToday(volunteerId).getOrDefault(action, 0);
    }

    /** Today's claims and releases of the volunteer, in one statement: it runs under their row lock in every claim. */
    private Map<TicketAction, Integer> countsToday(long volunteerId) {
        Map<TicketAction, Integer> counts = new EnumMap<>(TicketAction.class);
        for (Map<String, Object> row : events.volunteerClaimsAndReleasesSince(volunteerId, LocalDate.now(clock).atStartOfDay())) {
            counts.put(TicketAction.valueOf(String.valueOf(row.get("action"))), ((Number) row.get("n")).intValue());
        }
        return counts;
    }
}
