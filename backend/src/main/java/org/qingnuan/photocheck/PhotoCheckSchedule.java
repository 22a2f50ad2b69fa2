package org.qingnuan.photocheck;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Submits photo checks whose call failed or never ran, and gives up on verdicts that never came. */
@Component
class PhotoCheckSchedule {

    private final ObjectProvider<PhotoCheckRequests> requests;

    PhotoCheckSchedule(ObjectProvider<PhotoCheckRequests> requests) {
        this.requests = requests;
    }

    @Scheduled(fixedDelayString = "${qingnuan.photo-check.retry-scan:1m}", initialDelayString = "${qingnuan.photo-check.retry-scan:1m}")
    void submitDue() {
        requests.getObject().submitDue();
    }
}
