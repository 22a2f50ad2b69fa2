package org.qingnuan.alert;

import org.qingnuan.alert.internal.StaffAlertMapper;
import org.qingnuan.ticket.TaskReleased;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A task back in the pool needs a new volunteer, or a dispatcher's hand: staff of the family's org see it. */
@Component
class TaskReleaseAlerts {

    private final StaffAlertMapper alerts;

    TaskReleaseAlerts(StaffAlertMapper alerts) {
        this.alerts = alerts;
    }

    @EventListener
    void onRelease(TaskReleased released) {
        StaffAlert alert = new StaffAlert();
        alert.setOrgId(released.orgId());
        alert.setKind(StaffAlert.Kind.TASK_RELEASED);
        alert.setTicketId(released.ticketId());
        String title = released.automatic()
                ? "求助 #" + released.ticketId() + " 认领后未按时开始，已退回待认领"
                : "求助 #" + released.ticketId() + " 被志愿者放弃：" + released.reason();
        alert.setTitle(title.length() > 200 ? title.substring(0, 200) : title);
        alerts.insert(alert);
    }
}
