package org.qingnuan.alert;

import org.qingnuan.alert.internal.StaffAlertMapper;
import org.qingnuan.ticket.TaskReleased;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A task back in the pool needs a new volunteer, or a dispatcher's hand: staff of the family's org see it. A
 * volunteer who gives back many tasks in a day (each claim showed them a family's address and phone) is
 * named to their own organisation as well, which answers for them.
 */
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
        alert.setTitle(shortened(title));
        alerts.insert(alert);
        if (released.unusual()) {
            StaffAlert pattern = new StaffAlert();
            pattern.setOrgId(released.volunteerOrgId() != null ? released.volunteerOrgId() : released.orgId());
            pattern.setKind(StaffAlert.Kind.RELEASE_PATTERN);
            pattern.setTicketId(released.ticketId());
            pattern.setTitle(shortened("志愿者 " + released.volunteerName() + "（编号 " + released.volunteerId() + "）今天已放弃 "
                    + released.releasesToday() + " 个任务，每次认领都会看到家庭地址和电话，请核实"));
            alerts.insert(pattern);
        }
    }

    private static String shortened(String title) {
        return title.length() > 200 ? title.substring(0, 200) : title;
    }
}
