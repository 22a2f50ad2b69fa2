package org.qingnuan.ticket;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** When the auto-confirmation runs; kept thin so that the schedule does not build the job at start-up. */
@Component
class TicketSchedule {

    private final ObjectProvider<TicketAutoConfirm> autoConfirm;
    private final ObjectProvider<TicketTextChecks> textChecks;

    TicketSchedule(ObjectProvider<TicketAutoConfirm> autoConfirm, ObjectProvider<TicketTextChecks> textChecks) {
        this.autoConfirm = autoConfirm;
        this.textChecks = textChecks;
    }

    /** Text checks lost with their instance (or refused by a full pool) are made here. */
    @Scheduled(fixedDelayString = "${qingnuan.ticket.text-check-scan:1m}", initialDelayString = "${qingnuan.ticket.text-check-scan:1m}")
    void overdueTextChecks() {
        textChecks.getObject().checkOverdue();
    }

    @Scheduled(fixedDelayString = "${qingnuan.ticket.auto-confirm-scan:10m}", initialDelayString = "${qingnuan.ticket.auto-confirm-scan:10m}")
    void autoConfirm() {
        autoConfirm.getObject().run();
    }
}
