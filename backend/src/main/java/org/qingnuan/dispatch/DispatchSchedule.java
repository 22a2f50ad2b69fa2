package org.qingnuan.dispatch;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** When the overdue scan and the take-over approval run; thin, so that start-up does not build the jobs. */
@Component
@EnableConfigurationProperties(DispatchProperties.class)
class DispatchSchedule {

    private final ObjectProvider<OverdueScan> overdue;
    private final ObjectProvider<Takeovers> takeovers;

    DispatchSchedule(ObjectProvider<OverdueScan> overdue, ObjectProvider<Takeovers> takeovers) {
        this.overdue = overdue;
        this.takeovers = takeovers;
    }

    @Scheduled(fixedDelayString = "${qingnuan.dispatch.scan:1m}", initialDelayString = "${qingnuan.dispatch.scan:1m}")
    void scan() {
        overdue.getObject().run();
        takeovers.getObject().approveUnanswered();
    }
}
