package org.qingnuan.notice;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Sends due retries of subscribe messages; thin, so the schedule does not build the sender at start-up. */
@Component
class NoticeSchedule {

    private final ObjectProvider<FamilyNotices> notices;

    NoticeSchedule(ObjectProvider<FamilyNotices> notices) {
        this.notices = notices;
    }

    @Scheduled(fixedDelayString = "${qingnuan.notice.retry-scan:1m}", initialDelayString = "${qingnuan.notice.retry-scan:1m}")
    void sendDue() {
        notices.getObject().sendDue();
    }
}
