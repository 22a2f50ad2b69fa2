package org.qingnuan.ticket;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the families' standing plans; thin, so the schedule builds nothing at start-up. */
@Component
class CarePlanSchedule {

    private final ObjectProvider<CarePlans> plans;

    CarePlanSchedule(ObjectProvider<CarePlans> plans) {
        this.plans = plans;
    }

    @Scheduled(fixedDelayString = "${qingnuan.ticket.plan-scan:1m}", initialDelayString = "${qingnuan.ticket.plan-scan:1m}")
    void createDue() {
        plans.getObject().createDue();
    }
}
