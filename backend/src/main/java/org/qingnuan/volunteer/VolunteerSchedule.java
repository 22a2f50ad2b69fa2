package org.qingnuan.volunteer;

import org.qingnuan.ticket.VolunteerTasks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Puts back tasks claimed but not started in time; thin, so the schedule builds nothing at start-up. */
@Component
class VolunteerSchedule {

    private final ObjectProvider<VolunteerTasks> tasks;
    private final VolunteerProperties properties;

    VolunteerSchedule(ObjectProvider<VolunteerTasks> tasks, VolunteerProperties properties) {
        this.tasks = tasks;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${qingnuan.volunteer.release-scan:5m}", initialDelayString = "${qingnuan.volunteer.release-scan:5m}")
    void releaseUnstarted() {
        tasks.getObject().releaseUnstarted(properties.startWithin());
    }
}
