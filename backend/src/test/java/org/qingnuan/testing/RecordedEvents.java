package org.qingnuan.testing;

import org.qingnuan.wechat.OfficialAccountMessage;
import org.springframework.context.event.EventListener;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Application events the tests look at, as the features that listen for them would see them. */
public class RecordedEvents {

    private final List<OfficialAccountMessage> officialAccount = new CopyOnWriteArrayList<>();

    @EventListener
    void on(OfficialAccountMessage message) {
        officialAccount.add(message);
    }

    public List<OfficialAccountMessage> officialAccountFrom(String openId) {
        return officialAccount.stream().filter(m -> openId.equals(m.openId())).toList();
    }
}
