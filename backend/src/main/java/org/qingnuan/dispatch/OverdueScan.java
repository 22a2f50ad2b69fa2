package org.qingnuan.dispatch;

import org.qingnuan.api.ticket.TicketStatus;
import org.qingnuan.dispatch.internal.OverdueKeysMapper;
import org.qingnuan.dispatch.internal.TicketOverdueMapper;
import org.qingnuan.org.OrgService;
import org.qingnuan.org.OrgUnit;
import org.qingnuan.ticket.HelpTicket;
import org.qingnuan.ticket.TicketLifecycle;
import org.qingnuan.ticket.TicketLookups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds requests past their dispatch deadline or held in a state longer than its limit, marks them overdue
 * and tells the responsible unit and the dispatcher; a miss still unresolved {@code escalateAfter} later is a
 * second miss and also goes to the unit's parent org, and so is a new deadline missed again. Each miss is a row
 * with a unique key: whichever instance inserts it notifies, every other one finds the key taken and moves on.
 */
@Service
public class OverdueScan {

    private static final Logger log = LoggerFactory.getLogger(OverdueScan.class);
    private static final int BATCH = 500;
    private static final List<TicketStatus> UNFINISHED = List.of(TicketStatus.SUBMITTED, TicketStatus.ACCEPTED,
            TicketStatus.OPEN, TicketStatus.DISPATCHED, TicketStatus.CLAIMED, TicketStatus.IN_PROGRESS);

    private final TicketLookups tickets;
    private final TicketOverdueMapper misses;
    private final OverdueKeysMapper keys;
    private final TicketLifecycle lifecycle;
    private final OrgService orgs;
    private final DispatchProperties properties;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    /** qn_dispatch_overdue_total{kind, miss}: misses this instance recorded (and notified) */
    private final io.micrometer.core.instrument.MeterRegistry meters;

    OverdueScan(TicketLookups tickets, TicketOverdueMapper misses, OverdueKeysMapper keys, TicketLifecycle lifecycle,
                OrgService orgs, DispatchProperties properties, TransactionTemplate transactions,
                ApplicationEventPublisher publisher, Clock clock, io.micrometer.core.instrument.MeterRegistry meters) {
        this.meters = meters;
        this.tickets = tickets;
        this.misses = misses;
        this.keys = keys;
        this.lifecycle = lifecycle;
        this.orgs = orgs;
        this.properties = properties;
        this.transactions = transactions;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** A miss found by the scan, before it is recorded. */
    private record Miss(HelpTicket ticket, TicketOverdue.Kind kind, String key, LocalDateTime dueAt, boolean second) {
    }

    /** One pass over every org; returns the misses this instance recorded (and notified). */
    public int run() {
        LocalDateTime now = LocalDateTime.now(clock);
        Duration again = properties.escalateAfter();
        List<Miss> found = new ArrayList<>();
        for (HelpTicket t : tickets.pastDeadline(now, BATCH)) {
            String key = "DEADLINE@" + t.getDeadlineAt();
            found.add(new Miss(t, TicketOverdue.Kind.DEADLINE, key, t.getDeadlineAt(), false));
            if (!now.isBefore(t.getDeadlineAt().plus(again))) {
                found.add(new Miss(t, TicketOverdue.Kind.DEADLINE, key + "#2", t.getDeadlineAt().plus(again), true));
            }
        }
        for (TicketStatus status : UNFINISHED) {
            Optional<Duration> shortest = properties.shortestLimit(status);
            if (shortest.isEmpty()) {
                continue;
            }
            for (HelpTicket t : tickets.heldSince(status, now.minus(shortest.get()), BATCH)) {
                Optional<Duration> limit = properties.limit(status, t.getCategory(), t.getUrgency());
                // a referred request is judged by the deadline its dispatcher set, not by the general limits
                if (limit.isEmpty() || t.getStatusSince() == null || t.getDeadlineAt() != null) {
                    continue;
                }
                LocalDateTime due = t.getStatusSince().plus(limit.get());
                if (now.isBefore(due)) {
                    continue;
                }
                String key = "STUCK:" + status + "@" + t.getStatusSince();
                found.add(new Miss(t, TicketOverdue.Kind.STUCK, key, due, false));
                if (!now.isBefore(due.plus(again))) {
                    found.add(new Miss(t, TicketOverdue.Kind.STUCK, key + "#2", due.plus(again), true));
                }
            }
        }
        if (found.isEmpty()) {
            return 0;
        }
        Set<String> done = new HashSet<>(keys.recorded(found.stream().map(m -> m.ticket().getId()).collect(
                java.util.stream.Collectors.toCollection(LinkedHashSet::new))));
        int recorded = 0;
        for (Miss miss : found) {
            if (done.contains(miss.ticket().getId() + " " + miss.key())) {
                continue;
            }
            try {
                if (Boolean.TRUE.equals(transactions.execute(status -> record(miss, now)))) {
                    recorded++;
                    meters.counter("qn.dispatch.overdue", "kind", miss.kind().name(), "miss", miss.second() ? "second" : "first")
                            .increment();
                }
            } catch (TransientDataAccessException busy) {
                // a deadlock or lock wait with another instance: the next pass takes it up
                log.info("Overdue scan skipped request {} this time: {}", miss.ticket().getId(), busy.getClass().getSimpleName());
            }
        }
        return recorded;
    }

    private boolean record(Miss miss, LocalDateTime now) {
        HelpTicket t = miss.ticket();
        long responsible = t.getAssignedOrgId() != null ? t.getAssignedOrgId() : t.getOrgId();
        int missNo = keys.misses(t.getId()) + 1;
        Long parent = missNo >= 2 ? parentOf(responsible) : null;
        TicketOverdue row = new TicketOverdue();
        row.setTicketId(t.getId());
        row.setOrgId(t.getOrgId());
        row.setResponsibleOrgId(responsible);
        row.setDispatcherOrgId(t.getDispatcherOrgId());
        row.setKind(miss.kind());
        row.setStatus(t.getStatus());
        row.setMissKey(miss.key());
        row.setMissNo(missNo);
        row.setEscalatedOrgId(parent);
        row.setDueAt(miss.dueAt());
        row.setDetectedAt(now);
        try {
            misses.insert(row);
        } catch (DuplicateKeyException anotherInstanceWasFirst) {
            return false;
        }
        String what = miss.kind() == TicketOverdue.Kind.DEADLINE
                ? "已过完成期限（" + t.getDeadlineAt().format(Dispatches.WHEN) + "）"
                : "“" + t.getStatus().label() + "”超过时限（应在 " + miss.dueAt().format(Dispatches.WHEN) + " 前处理）";
        String escalation = parent == null ? "" : "，第 " + missNo + " 次超时，已报上级";
        lifecycle.markOverdue(t, what + escalation);
        List<Long> told = new ArrayList<>(List.of(responsible));
        if (t.getDispatcherOrgId() != null && !told.contains(t.getDispatcherOrgId())) {
            told.add(t.getDispatcherOrgId());
        }
        if (parent != null && !told.contains(parent)) {
            told.add(parent);
        }
        String unit = orgs.unscoped(List.of(responsible)).values().stream().map(OrgUnit::getName).findFirst().orElse("");
        publisher.publishEvent(new DispatchNotice(parent == null ? DispatchNotice.Kind.OVERDUE : DispatchNotice.Kind.ESCALATED,
                t.getId(), told, "求助 #" + t.getId() + "（" + t.getCategory().label() + "）" + what + escalation,
                unit + "，" + (miss.kind() == TicketOverdue.Kind.DEADLINE ? "期限 " : "应处理时间 ")
                        + miss.dueAt().format(Dispatches.WHEN), true));
        return true;
    }

    private Long parentOf(long orgId) {
        OrgUnit org = orgs.unscoped(List.of(orgId)).get(orgId);
        return org == null ? null : org.getParentId();
    }
}
