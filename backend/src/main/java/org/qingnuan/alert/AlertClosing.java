package org.qingnuan.alert;

import org.qingnuan.alert.internal.StaffAlertMapper;
import org.qingnuan.api.ticket.TicketStatus;
import org.qingnuan.ticket.TicketTransitioned;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Alerts close themselves when their cause is resolved, in the same transaction as the move that resolves
 * it: every alert of a request once it is done or ended (an overdue alert about a finished request only
 * misleads), and a released or dispatched task's alert once a volunteer has it again. Closed alerts stay
 * listable under "read".
 */
@Component
class AlertClosing {

    private final StaffAlertMapper alerts;
    private final Clock clock;

    AlertClosing(StaffAlertMapper alerts, Clock clock) {
        this.alerts = alerts;
        this.clock = clock;
    }

    @EventListener
    void onMove(TicketTransitioned move) {
        TicketStatus to = move.to();
        if (to == TicketStatus.DONE || to.finished()) {
            // a release-pattern alert is about the volunteer, not this request: it stays
            close(move.ticketId(), List.of(StaffAlert.Kind.CRISIS, StaffAlert.Kind.TASK_RELEASED, StaffAlert.Kind.DISPATCH,
                    StaffAlert.Kind.OVERDUE), "求助" + to.label());
        } else if (to == TicketStatus.CLAIMED) {
            close(move.ticketId(), List.of(StaffAlert.Kind.TASK_RELEASED, StaffAlert.Kind.DISPATCH), "已有志愿者认领");
        }
    }

    private void close(long ticketId, List<StaffAlert.Kind> kinds, String reason) {
        // the move was already checked against the caller's jurisdiction; the alerts may sit in other orgs
        alerts.closeOpen(ticketId, kinds, reason, LocalDateTime.now(clock));
    }
}
