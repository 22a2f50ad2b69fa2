package org.qingnuan.dispatch;

import org.qingnuan.api.ticket.TicketCategory;
import org.qingnuan.api.ticket.TicketStatus;
import org.qingnuan.api.ticket.Urgency;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Dispatch and deadlines ({@code qingnuan.dispatch.*}).
 *
 * @param limits                 how long a request may stay in a state before it is overdue. Keys are
 *                               {@code STATUS}, {@code STATUS.URGENCY}, {@code STATUS.CATEGORY} or
 *                               {@code STATUS.CATEGORY.URGENCY}; the most specific key wins. In YAML a
 *                               dotted key is written in brackets: {@code "[SUBMITTED.CRISIS]": 10m}
 * @param escalateAfter          a miss still unresolved this long after it was noticed is missed a second
 *                               time, and the second miss goes to the responsible unit's parent org
 * @param takeoverApprovedAfter  a take-over request the owner leaves unanswered this long is approved
 * @param followUpAfter          a request done this long ago and not confirmed joins the follow-up list
 * @param defaultDeadline        the deadline proposed when a dispatcher sets none
 * @param scan                   how often the overdue scan runs
 */
@ConfigurationProperties("qingnuan.dispatch")
public record DispatchProperties(Map<String, Duration> limits, Duration escalateAfter, Duration takeoverApprovedAfter,
                                 Duration followUpAfter, Duration defaultDeadline, Duration scan) {

    public DispatchProperties {
        limits = limits == null || limits.isEmpty() ? Map.of(
                "SUBMITTED", Duration.ofHours(2),
                "SUBMITTED.URGENT", Duration.ofMinutes(30),
                "SUBMITTED.CRISIS", Duration.ofMinutes(10),
                "ACCEPTED", Duration.ofHours(12),
                "ACCEPTED.URGENT", Duration.ofHours(2),
                "DISPATCHED", Duration.ofHours(24),
                "DISPATCHED.URGENT", Duration.ofHours(4),
                "OPEN", Duration.ofHours(24),
                "OPEN.URGENT", Duration.ofHours(4),
                "IN_PROGRESS", Duration.ofHours(48)) : Map.copyOf(limits);
        escalateAfter = escalateAfter == null ? Duration.ofHours(24) : escalateAfter;
        takeoverApprovedAfter = takeoverApprovedAfter == null ? Duration.ofHours(2) : takeoverApprovedAfter;
        followUpAfter = followUpAfter == null ? Duration.ofHours(24) : followUpAfter;
        defaultDeadline = defaultDeadline == null ? Duration.ofHours(24) : defaultDeadline;
        scan = scan == null ? Duration.ofMinutes(1) : scan;
    }

    /** The limit for a request in this state, category and urgency, if there is one. */
    public Optional<Duration> limit(TicketStatus status, TicketCategory category, Urgency urgency) {
        for (String key : new String[] {status + "." + category + "." + urgency, status + "." + category,
                status + "." + urgency, status.name()}) {
            Duration d = limits.get(key);
            if (d != null) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** The shortest limit of a state under any category or urgency: the scan's first, coarse filter. */
    public Optional<Duration> shortestLimit(TicketStatus status) {
        return limits.entrySet().stream().filter(e -> e.getKey().equals(status.name()) || e.getKey().startsWith(status + "."))
                .map(Map.Entry::getValue).min(Duration::compareTo);
    }
}
