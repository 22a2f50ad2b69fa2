package org.qingnuan.alert;

import org.qingnuan.alert.internal.StaffAlertMapper;
import org.qingnuan.dispatch.DispatchNotice;
import org.qingnuan.staff.StaffWechat;
import org.qingnuan.wechat.OfficialAccount;
import org.qingnuan.wechat.OfficialAccountException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Referral steps reach the staff of the orgs concerned: an alert in the admin web, written with the step (so it
 * exists exactly when the step does), and — for new referrals and missed deadlines — an official-account
 * template message to each of those orgs' staff who bound their WeChat, sent after the step is committed.
 */
@Component
class DispatchAlerts {

    private static final Logger log = LoggerFactory.getLogger(DispatchAlerts.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final StaffAlertMapper alerts;
    private final OfficialAccount officialAccount;
    private final StaffWechat staffWechat;
    private final String templateId;
    private final Clock clock;

    DispatchAlerts(StaffAlertMapper alerts, OfficialAccount officialAccount, StaffWechat staffWechat,
                   @Value("${qingnuan.alert.dispatch-template-id:}") String templateId, Clock clock) {
        this.alerts = alerts;
        this.officialAccount = officialAccount;
        this.staffWechat = staffWechat;
        this.templateId = templateId;
        this.clock = clock;
    }

    @EventListener
    void record(DispatchNotice notice) {
        StaffAlert.Kind kind = switch (notice.kind()) {
            case OVERDUE, ESCALATED -> StaffAlert.Kind.OVERDUE;
            default -> StaffAlert.Kind.DISPATCH;
        };
        String title = notice.title().length() > 200 ? notice.title().substring(0, 199) + "…" : notice.title();
        for (long orgId : notice.orgIds()) {
            StaffAlert alert = new StaffAlert();
            alert.setOrgId(orgId);
            alert.setKind(kind);
            alert.setTicketId(notice.ticketId());
            alert.setTitle(title);
            alerts.insert(alert);
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void send(DispatchNotice notice) {
        if (!notice.wechat() || templateId.isBlank()) {
            return;
        }
        String what = switch (notice.kind()) {
            case DISPATCHED -> "新派单 #" + notice.ticketId();
            case ESCALATED -> "超时上报 #" + notice.ticketId();
            default -> "求助超时 #" + notice.ticketId();
        };
        notice.orgIds().stream().flatMap(orgId -> staffWechat.alertRecipients(orgId).stream()).distinct().forEach(openId -> {
            try {
                officialAccount.sendTemplate(openId, templateId, null, Map.of(
                        "thing1", what,
                        "thing2", fit(notice.detail() == null ? "—" : notice.detail()),
                        "time3", LocalDateTime.now(clock).format(TIME)));
            } catch (OfficialAccountException e) {
                // the alert in the admin web stands; WeChat is the faster second channel
                log.warn("Dispatch alert for request {} not sent by WeChat (errcode {})", notice.ticketId(), e.errorCode());
            }
        });
    }

    private static String fit(String s) {
        return s.length() > 20 ? s.substring(0, 20) : s;
    }
}
