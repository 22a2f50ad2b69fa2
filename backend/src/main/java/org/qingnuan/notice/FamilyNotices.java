package org.qingnuan.notice;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.qingnuan.identity.RoleBindings;
import org.qingnuan.identity.WechatUsers;
import org.qingnuan.notice.internal.SubscribeConsentMapper;
import org.qingnuan.notice.internal.SubscribeNoticeMapper;
import org.qingnuan.ticket.TicketAction;
import org.qingnuan.ticket.TicketTransitioned;
import org.qingnuan.wechat.MiniProgram;
import org.qingnuan.wechat.MiniProgramException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import org.qingnuan.shared.persistence.AfterCommit;
import org.qingnuan.shared.time.Backoff;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tells a family by subscribe message when their request moves. A message is sent only against a
 * one-time consent the user gave, taken atomically in the database, so two instances never spend
 * one consent twice. 43101 (refused, or no consent on WeChat's side) is final; rate limits and
 * outages are retried after 1, 5, 15 and 60 minutes, and the consent is given back meanwhile.
 */
@Service
@EnableConfigurationProperties(NoticeProperties.class)
public class FamilyNotices {

    private static final Logger log = LoggerFactory.getLogger(FamilyNotices.class);
    private static final Set<TicketAction> NOTIFIED = EnumSet.of(TicketAction.ACCEPT, TicketAction.REJECT,
            TicketAction.DISPATCH, TicketAction.CLAIM, TicketAction.START, TicketAction.COMPLETE, TicketAction.CLOSE);
    private static final Duration STUCK_AFTER = Duration.ofMinutes(2);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final SubscribeNoticeMapper notices;
    private final SubscribeConsentMapper consents;
    private final RoleBindings roles;
    private final WechatUsers users;
    private final MiniProgram miniProgram;
    private final NoticeProperties properties;
    private final ObjectMapper json;
    private final Clock clock;
    private final org.springframework.core.task.TaskExecutor executor;

    FamilyNotices(SubscribeNoticeMapper notices, SubscribeConsentMapper consents, RoleBindings roles, WechatUsers users,
                  MiniProgram miniProgram, NoticeProperties properties, ObjectMapper json, Clock clock,
                  org.springframework.core.task.TaskExecutor applicationTaskExecutor) {
        this.executor = applicationTaskExecutor;
        this.notices = notices;
        this.consents = consents;
        this.roles = roles;
        this.users = users;
        this.miniProgram = miniProgram;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Queues a message per family member in the outbox, in the transaction of the move itself: the row exists
     * exactly when the move does, so a crash right after the commit loses no message ({@link #sendDue()} sends it).
     * Once the move has committed, the rows queued here are sent off the request's thread: a volunteer's claim or a
     * staff member's click must not wait on WeChat. The ids travel in memory, so nothing is read again after the
     * commit (issue 19); a send that never happens (the instance stops, the pool is full) is still PENDING in the
     * outbox for {@link #sendDue()}.
     */
    @EventListener
    public void onTransition(TicketTransitioned event) {
        if (!NOTIFIED.contains(event.action()) || !properties.configured()) {
            return;
        }
        Map<String, String> data = new LinkedHashMap<>();
        data.put("thing1", fit("求助进度", 20));
        data.put("phrase2", fit(event.to().label(), 5));
        data.put("thing3", fit(event.note() != null && !event.note().isBlank() ? event.note() : event.action().label(), 20));
        data.put("time4", LocalDateTime.now(clock).format(TIME));
        List<Long> queued = new ArrayList<>();
        for (long userId : roles.usersActingFor(event.familyId())) {
            SubscribeNotice notice = new SubscribeNotice();
            notice.setUserId(userId);
            notice.setTicketId(event.ticketId());
            notice.setTemplateId(properties.ticketTemplateId());
            notice.setPage(properties.ticketPage().replace("{id}", Long.toString(event.ticketId())));
            notice.setDataJson(write(data));
            notice.setStatus(SubscribeNotice.Status.PENDING);
            notice.setAttempts(0);
            notice.setNextAttemptAt(LocalDateTime.now(clock));
            notices.insert(notice);
            queued.add(notice.getId());
        }
        if (queued.isEmpty()) {
            return;
        }
        AfterCommit.run(() -> sendSoon(queued));
    }

    private void sendSoon(List<Long> queued) {
        for (long id : queued) {
            try {
                executor.execute(() -> deliver(id));
            } catch (org.springframework.core.task.TaskRejectedException busy) {
                // the retry scan sends it
                log.info("Subscribe notice {} left to the retry scan", id);
            }
        }
    }

    /** Sends the retries that are due; returns how many were attempted. */
    public int sendDue() {
        // a row left "sending" by an instance that died mid-send is taken up again (it may go twice; rare)
        notices.update(null, new LambdaUpdateWrapper<SubscribeNotice>()
                .set(SubscribeNotice::getStatus, SubscribeNotice.Status.PENDING)
                .eq(SubscribeNotice::getStatus, SubscribeNotice.Status.SENDING)
                .lt(SubscribeNotice::getUpdatedAt, LocalDateTime.now(clock).minus(STUCK_AFTER)));
        List<SubscribeNotice> due = notices.selectList(new LambdaQueryWrapper<SubscribeNotice>()
                .eq(SubscribeNotice::getStatus, SubscribeNotice.Status.PENDING)
                .le(SubscribeNotice::getNextAttemptAt, LocalDateTime.now(clock))
                .orderByAsc(SubscribeNotice::getNextAttemptAt).last("LIMIT 200"));
        due.forEach(n -> deliver(n.getId()));
        return due.size();
    }

    /** Records consents from wx.requestSubscribeMessage; returns what each template now has. */
    public Map<String, Integer> recordConsents(long userId, List<String> templateIds) {
        List<String> unknown = templateIds.stream().filter(id -> !templateIds().contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw org.qingnuan.shared.error.DomainException.onField(org.qingnuan.api.error.CommonError.VALIDATION_FAILED,
                    "acceptedTemplateIds", "不是本小程序的订阅消息模板，请先调用 /api/mini/subscriptions/templates 获取");
        }
        Map<String, Integer> remaining = new LinkedHashMap<>();
        for (String templateId : templateIds.stream().distinct().toList()) {
            if (consents.add(userId, templateId, 1) == 0) {
                SubscribeConsent consent = new SubscribeConsent();
                consent.setUserId(userId);
                consent.setTemplateId(templateId);
                consent.setCredits(1);
                try {
                    consents.insert(consent);
                } catch (org.springframework.dao.DuplicateKeyException raced) {
                    consents.add(userId, templateId, 1);
                }
            }
            remaining.put(templateId, consents.selectOne(new LambdaQueryWrapper<SubscribeConsent>()
                    .eq(SubscribeConsent::getUserId, userId).eq(SubscribeConsent::getTemplateId, templateId)).getCredits());
        }
        return remaining;
    }

    public List<String> templateIds() {
        return properties.configured() ? List.of(properties.ticketTemplateId()) : List.of();
    }

    private void deliver(long noticeId) {
        LocalDateTime now = LocalDateTime.now(clock);
        // claim the row: of two instances, one sends
        if (notices.update(null, new LambdaUpdateWrapper<SubscribeNotice>()
                .set(SubscribeNotice::getStatus, SubscribeNotice.Status.SENDING)
                .set(SubscribeNotice::getUpdatedAt, now)
                .setSql("attempts = attempts + 1")
                .eq(SubscribeNotice::getId, noticeId)
                .eq(SubscribeNotice::getStatus, SubscribeNotice.Status.PENDING)
                .le(SubscribeNotice::getNextAttemptAt, now)) != 1) {
            return;
        }
        SubscribeNotice notice = notices.selectById(noticeId);
        if (consents.takeOne(notice.getUserId(), notice.getTemplateId()) != 1) {
            finish(notice, SubscribeNotice.Status.NO_CONSENT, null, null);
            return;
        }
        String openId = users.openIdOf(notice.getUserId()).orElse(null);
        try {
            miniProgram.sendSubscribeMessage(openId, notice.getTemplateId(), notice.getPage(), read(notice.getDataJson()));
            finish(notice, SubscribeNotice.Status.SENT, null, null);
        } catch (MiniProgramException e) {
            if (e.errcode() == MiniProgramException.SUBSCRIPTION_REFUSED) {
                // WeChat says the user has no consent for it: ours was wrong, start again from none
                consents.clear(notice.getUserId(), notice.getTemplateId());
                finish(notice, SubscribeNotice.Status.REFUSED, e.errcode(), null);
                return;
            }
            consents.add(notice.getUserId(), notice.getTemplateId(), 1);
            int attempts = notice.getAttempts();
            java.util.Optional<LocalDateTime> next = Backoff.WECHAT.next(attempts, now);
            SubscribeNotice.Status status = next.isPresent() ? SubscribeNotice.Status.PENDING : SubscribeNotice.Status.FAILED;
            finish(notice, status, e.errcode(), next.orElse(null));
            log.warn("Subscribe message not sent (errcode {}), attempt {}", e.errcode(), attempts);
        }
    }

    private void finish(SubscribeNotice notice, SubscribeNotice.Status status, Integer errcode, LocalDateTime next) {
        notices.update(null, new LambdaUpdateWrapper<SubscribeNotice>()
                .set(SubscribeNotice::getStatus, status)
                .set(SubscribeNotice::getLastErrcode, errcode)
                .set(next != null, SubscribeNotice::getNextAttemptAt, next)
                .eq(SubscribeNotice::getId, notice.getId()));
    }

    private static String fit(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private String write(Map<String, String> data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> read(String data) {
        try {
            return json.readValue(data, new TypeReference<Map<String, String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
