package org.qingnuan.alert;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper;
import org.qingnuan.org.OrgService;
import org.qingnuan.org.OrgUnit;
import org.qingnuan.staff.StaffWechat;
import org.qingnuan.ticket.CrisisRaised;
import org.qingnuan.wechat.OfficialAccount;
import org.qingnuan.wechat.OfficialAccountException;
import org.qingnuan.alert.internal.CrisisAlertDeliveryMapper;
import org.qingnuan.alert.internal.DutyExpertMapper;
import org.qingnuan.alert.internal.StaffAlertMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import org.qingnuan.shared.time.Backoff;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A crisis request reaches people at once, not through a queue: an alert for staff of the family's
 * org (the admin web shows it at the top), and an official-account message to each active duty
 * expert of that org or the nearest org above it that has one, and to the org's staff who bound
 * their WeChat for alerts. No personal data goes out: the
 * message names the district and the request number; the expert reads the rest signed in.
 * The alert and the list of people to tell are written with the crisis itself; WeChat is asked after
 * commit and, when it refuses or cannot be reached, again after 1, 5, 15 and 60 minutes.
 */
@Component
public class CrisisAlerts {

    private static final Logger log = LoggerFactory.getLogger(CrisisAlerts.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private static final Duration STUCK_AFTER = Duration.ofMinutes(2);

    private final StaffAlertMapper alerts;
    private final CrisisAlertDeliveryMapper deliveries;
    private final DutyExpertMapper experts;
    private final OrgService orgs;
    private final OfficialAccount officialAccount;
    private final StaffWechat staffWechat;
    private final String templateId;
    private final Clock clock;
    /** qn_alert_crisis_total: crisis requests that raised an alert */
    private final io.micrometer.core.instrument.Counter crisisAlerts;

    CrisisAlerts(StaffAlertMapper alerts, CrisisAlertDeliveryMapper deliveries, DutyExpertMapper experts, OrgService orgs, OfficialAccount officialAccount,
                 StaffWechat staffWechat, @Value("${qingnuan.alert.crisis-template-id:}") String templateId, Clock clock,
                 io.micrometer.core.instrument.MeterRegistry meters) {
        this.crisisAlerts = meters.counter("qn.alert.crisis");
        this.staffWechat = staffWechat;
        this.alerts = alerts;
        this.deliveries = deliveries;
        this.experts = experts;
        this.orgs = orgs;
        this.officialAccount = officialAccount;
        this.templateId = templateId;
        this.clock = clock;
    }

    /**
     * Written in the transaction that raises the crisis, as {@link DispatchAlerts} does: the staff alert and one
     * delivery row per person to tell exist exactly when the crisis request does, so a crash right after the commit
     * loses nothing; the sends themselves happen after commit, from these rows.
     */
    @EventListener
    void record(CrisisRaised crisis) {
        StaffAlert alert = new StaffAlert();
        alert.setOrgId(crisis.orgId());
        alert.setKind(StaffAlert.Kind.CRISIS);
        alert.setTicketId(crisis.ticketId());
        alert.setTitle("心理危机求助 #" + crisis.ticketId() + (crisis.district() == null ? "" : "（" + crisis.district() + "）")
                + "：请立即联系家属");
        alerts.insert(alert);
        crisisAlerts.increment();
        if (templateId.isBlank()) {
            return;
        }
        List<String> recipients = new ArrayList<>();
        onDuty(crisis.orgId()).stream().map(DutyExpert::getOpenId).filter(id -> id != null).forEach(recipients::add);
        // and the org's own staff who bound their WeChat for alerts
        recipients.addAll(staffWechat.alertRecipients(crisis.orgId()));
        for (String openId : recipients.stream().distinct().toList()) {
            CrisisAlertDelivery delivery = new CrisisAlertDelivery();
            delivery.setAlertId(alert.getId());
            delivery.setTicketId(crisis.ticketId());
            delivery.setOpenId(openId);
            delivery.setStatus(CrisisAlertDelivery.Status.PENDING);
            delivery.setAttempts(0);
            delivery.setNextAttemptAt(LocalDateTime.now(clock));
            deliveries.insert(delivery);
        }
    }

    /** Sends the crisis's alerts at once after commit; what fails here is left to {@link #sendDue()}. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void send(CrisisRaised crisis) {
        deliveries.selectList(new LambdaQueryWrapper<CrisisAlertDelivery>()
                        .eq(CrisisAlertDelivery::getTicketId, crisis.ticketId())
                        .eq(CrisisAlertDelivery::getStatus, CrisisAlertDelivery.Status.PENDING))
                .forEach(d -> deliver(d.getId()));
    }

    /** Sends the alerts that are due (never sent, or failed and waiting); returns how many were attempted. */
    public int sendDue() {
        LocalDateTime now = LocalDateTime.now(clock);
        // a row left "sending" by an instance that died mid-send is taken up again (it may go twice; rare)
        deliveries.update(null, new LambdaUpdateWrapper<CrisisAlertDelivery>()
                .set(CrisisAlertDelivery::getStatus, CrisisAlertDelivery.Status.PENDING)
                .eq(CrisisAlertDelivery::getStatus, CrisisAlertDelivery.Status.SENDING)
                .lt(CrisisAlertDelivery::getUpdatedAt, now.minus(STUCK_AFTER)));
        List<CrisisAlertDelivery> due = deliveries.selectList(new LambdaQueryWrapper<CrisisAlertDelivery>()
                .eq(CrisisAlertDelivery::getStatus, CrisisAlertDelivery.Status.PENDING)
                .le(CrisisAlertDelivery::getNextAttemptAt, now)
                .orderByAsc(CrisisAlertDelivery::getNextAttemptAt).last("LIMIT 200"));
        due.forEach(d -> deliver(d.getId()));
        return due.size();
    }

    private void deliver(long deliveryId) {
        LocalDateTime now = LocalDateTime.now(clock);
        // claim the row: of two instances (or the after-commit send and the scan), one sends
        if (deliveries.update(null, new LambdaUpdateWrapper<CrisisAlertDelivery>()
                .set(CrisisAlertDelivery::getStatus, CrisisAlertDelivery.Status.SENDING)
                .set(CrisisAlertDelivery::getUpdatedAt, now)
                .setSql("attempts = attempts + 1")
                .eq(CrisisAlertDelivery::getId, deliveryId)
                .eq(CrisisAlertDelivery::getStatus, CrisisAlertDelivery.Status.PENDING)
                .le(CrisisAlertDelivery::getNextAttemptAt, now)) != 1) {
            return;
        }
        CrisisAlertDelivery d = deliveries.selectById(deliveryId);
        StaffAlert alert = alerts.selectById(d.getAlertId());
        try {
            officialAccount.sendTemplate(d.getOpenId(), templateId, null, Map.of(
                    "thing1", "心理危机求助 #" + d.getTicketId(),
                    "thing2", district(alert),
                    "time3", (alert == null ? now : alert.getCreatedAt()).format(TIME)));
            finish(d, CrisisAlertDelivery.Status.SENT, null, null);
        } catch (OfficialAccountException e) {
            int attempts = d.getAttempts();
            java.util.Optional<LocalDateTime> next = Backoff.WECHAT.next(attempts, now);
            CrisisAlertDelivery.Status status = next.isPresent() ? CrisisAlertDelivery.Status.PENDING : CrisisAlertDelivery.Status.FAILED;
            finish(d, status, e.errorCode(), next.orElse(null));
            log.warn("Crisis alert for request {} not sent (errcode {}), attempt {}", d.getTicketId(), e.errorCode(), attempts);
        }
    }

    private void finish(CrisisAlertDelivery d, CrisisAlertDelivery.Status status, Integer errcode, LocalDateTime next) {
        deliveries.update(null, new LambdaUpdateWrapper<CrisisAlertDelivery>()
                .set(CrisisAlertDelivery::getStatus, status)
                .set(CrisisAlertDelivery::getLastErrcode, errcode)
                .set(CrisisAlertDelivery::getUpdatedAt, LocalDateTime.now(clock))
                .set(next != null, CrisisAlertDelivery::getNextAttemptAt, next)
                .eq(CrisisAlertDelivery::getId, d.getId()));
    }

    /** The district as the title carries it ("…（天河区）：…"); the alert row is the one durable copy. */
    private static String district(StaffAlert alert) {
        if (alert == null) {
            return "—";
        }
        String title = alert.getTitle();
        int open = title.indexOf('（');
        int close = title.indexOf('）', open + 1);
        return open < 0 || close < 0 ? "—" : title.substring(open + 1, close);
    }

    /** The active experts of the org, else of the nearest ancestor that has any. */
    private List<DutyExpert> onDuty(long orgId) {
        List<Long> chain = new ArrayList<>();
        orgs.find(orgId).map(OrgUnit::getPath).ifPresent(path -> Arrays.stream(path.split("/"))
                .filter(s -> !s.isEmpty()).map(Long::valueOf).forEach(id -> chain.add(0, id)));
        for (long id : chain) {
            List<DutyExpert> found = experts.selectList(new LambdaQueryWrapper<DutyExpert>()
                    .eq(DutyExpert::getOrgId, id).eq(DutyExpert::getActive, true));
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }
}
