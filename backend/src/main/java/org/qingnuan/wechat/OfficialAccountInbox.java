package org.qingnuan.wechat;

import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.qingnuan.privacy.PersonalDataCipher;
import org.qingnuan.wechat.internal.InboundMessageMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.task.TaskExecutor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;

/**
 * The queue behind the callback. {@link #accept} stores the message under its dedupe key and
 * returns at once (WeChat waits 5 seconds at most); the work runs on an executor. A redelivered
 * message finds its key taken and is dropped. Processing is claimed with a conditional UPDATE, so
 * a message is handled once even with several instances; a sweeper retries what failed or was cut
 * off by a restart.
 */
@Service
public class OfficialAccountInbox {

    private static final Logger log = LoggerFactory.getLogger(OfficialAccountInbox.class);
    static final int MAX_ATTEMPTS = 5;
    /** {@code wx_inbound_message.payload_sealed} is VARCHAR(8000): a message whose sealed form is longer is refused. */
    static final int PAYLOAD_CAPACITY = 8000;

    private final InboundMessageMapper messages;
    private final PersonalDataCipher cipher;
    private final ApplicationEventPublisher events;
    private final TaskExecutor executor;
    private final Clock clock;

    OfficialAccountInbox(InboundMessageMapper messages, PersonalDataCipher cipher, ApplicationEventPublisher events,
                         TaskExecutor applicationTaskExecutor, Clock clock) {
        this.messages = messages;
        this.cipher = cipher;
        this.events = events;
        this.executor = applicationTaskExecutor;
        this.clock = clock;
    }

    /** @return {@code false} when the message was seen before (a redelivery) */
    public boolean accept(String xml) {
        OfficialAccountCrypto.refuseDoctype(xml);
        WxMpXmlMessage parsed = parse(xml);
        if (parsed.getFromUser() == null || parsed.getMsgType() == null) {
            throw new CallbackMalformed("not a message");
        }
        String sealed = cipher.seal(xml);
        if (sealed.length() > PAYLOAD_CAPACITY) {
            // WeChat's own messages are a few KB at most; anything larger is refused, not cut
            throw new CallbackMalformed("message too large to keep (" + xml.length() + " chars)");
        }
        InboundMessage row = new InboundMessage();
        row.setDedupeKey(parsed.getMsgId() != null ? "msg:" + parsed.getMsgId()
                : "evt:" + parsed.getFromUser() + ":" + parsed.getCreateTime() + ":" + parsed.getEvent());
        row.setOpenId(parsed.getFromUser());
        row.setMsgType(parsed.getMsgType());
        row.setEvent(parsed.getEvent());
        row.setPayloadSealed(sealed);
        row.setStatus(InboundMessage.Status.RECEIVED);
        row.setAttempts(0);
        row.setReceivedAt(LocalDateTime.now(clock));
        try {
            messages.insert(row);
        } catch (DuplicateKeyException duplicate) {
            return false;
        }
        long id = row.getId();
        executor.execute(() -> process(id));
        return true;
    }

    /** Processes one stored message if nobody else has; failures are retried by the sweeper. */
    public void process(long id) {
        if (messages.claim(id, MAX_ATTEMPTS) == 0) {
            return;
        }
        try {
            WxMpXmlMessage m = parse(cipher.open(messages.selectById(id).getPayloadSealed()));
            String eventKey = m.getEventKey();
            if (eventKey != null && eventKey.startsWith("qrscene_")) {
                eventKey = eventKey.substring("qrscene_".length());
            }
            events.publishEvent(new OfficialAccountMessage(m.getFromUser(), m.getMsgType(), m.getEvent(), eventKey,
                    m.getContent()));
            messages.finish(id, InboundMessage.Status.PROCESSED.name(), LocalDateTime.now(clock));
        } catch (RuntimeException e) {
            // the message may carry personal data: log the id, not the content
            log.warn("Official-account message {} failed: {}", id, e.getClass().getSimpleName());
            messages.finish(id, InboundMessage.Status.FAILED.name(), null);
        }
    }

    /** Retries messages that failed, or that a restart left unprocessed (run by {@link InboxSweeper}). */
    public void sweep() {
        LocalDateTime before = LocalDateTime.now(clock).minus(Duration.ofSeconds(30));
        for (Long id : messages.due(before, MAX_ATTEMPTS)) {
            process(id);
        }
    }

    private static WxMpXmlMessage parse(String xml) {
        try {
            return WxMpXmlMessage.fromXml(xml);
        } catch (RuntimeException e) {
            throw new CallbackMalformed("unreadable message XML");
        }
    }
}
