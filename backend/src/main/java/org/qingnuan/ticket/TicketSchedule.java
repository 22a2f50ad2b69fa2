package org.qingnuan.ticket;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** When the auto-confirmation runs; kept thin so that the schedule does not build the job at start-up. */
@Component
class TicketSchedule {

    private final ObjectProvider<TicketAutoConfirm> autoConfirm;

    TicketSchedule(ObjectProvider<TicketAutoConfirm> autoConfirm) {
        this.autoConfirm = autoConfirm;
    }

    @Scheduled(fixedDelayString = "${qingnuan.ticket.auto-confirm-scan:10m}", initialDelayString = "${qingnuan.ticket.auto-confirm-scan:10m}")
    void autoConfirm() {
        autoConfirm.getObject().run();
    }
}
