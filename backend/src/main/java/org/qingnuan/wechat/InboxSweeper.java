package org.qingnuan.wechat;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The schedule of the inbox sweeper, kept apart from the inbox so that starting the schedule does
 * not build the inbox and its dependencies (the embedded default creates beans when first used).
 */
@Component
class InboxSweeper {

    private final ObjectProvider<OfficialAccountInbox> inbox;

    InboxSweeper(ObjectProvider<OfficialAccountInbox> inbox) {
        this.inbox = inbox;
    }

    @Scheduled(fixedDelayString = "${qingnuan.wechat.mp.sweep-interval:60s}", initialDelayString = "${qingnuan.wechat.mp.sweep-interval:60s}")
    void sweep() {
        inbox.getObject().sweep();
    }
}
