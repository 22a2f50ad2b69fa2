package org.qingnuan.alert;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Sends crisis alerts that are due again (WeChat refused or was unreachable, or the instance stopped before sending). */
@Component
class AlertSchedule {

    private final ObjectProvider<CrisisAlerts> crisisAlerts;

    AlertSchedule(ObjectProvider<CrisisAlerts> crisisAlerts) {
        this.crisisAlerts = crisisAlerts;
    }

    @Scheduled(fixedDelayString = "${qingnuan.alert.retry-scan:1m}", initialDelayString = "${qingnuan.alert.retry-scan:1m}")
    void sendDue() {
        crisisAlerts.getObject().sendDue();
    }
}
