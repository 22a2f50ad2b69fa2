package org.qingnuan.alert;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import org.qingnuan.org.OrgService;
import org.qingnuan.org.OrgUnit;
import org.qingnuan.staff.StaffWechat;
import org.qingnuan.ticket.CrisisRaised;
import org.qingnuan.wechat.OfficialAccount;
import org.qingnuan.wechat.OfficialAccountException;
import org.qingnuan.alert.internal.DutyExpertMapper;
import org.qingnuan.alert.internal.StaffAlertMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Clock;
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
 */
@Component
class CrisisAlerts {

    private static final Logger log = LoggerFactory.getLogger(CrisisAlerts.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final StaffAlertMapper alerts;
    private final DutyExpertMapper experts;
    private final OrgService orgs;
    private final OfficialAccount officialAccount;
    private final StaffWechat staffWechat;
    private final String templateId;
    private final Clock clock;
    /** qn_alert_crisis_total: crisis requests that raised an alert */
    private final io.micrometer.core.instrument.Counter crisisAlerts;

    CrisisAlerts(StaffAlertMapper alerts, DutyExpertMapper experts, OrgService orgs, OfficialAccount officialAccount,
                 StaffWechat staffWechat, @Value("${qingnuan.alert.crisis-template-id:}") String templateId, Clock clock,
                 io.micrometer.core.instrument.MeterRegistry meters) {
        this.crisisAlerts = meters.counter("qn.alert.crisis");
        this.staffWechat = staffWechat;
        this.alerts = alerts;
        this.experts = experts;
        this.orgs = orgs;
        this.officialAccount = officialAccount;
        this.templateId = templateId;
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onCrisis(CrisisRaised crisis) {
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
            try {
                officialAccount.sendTemplate(openId, templateId, null, Map.of(
                        "thing1", "心理危机求助 #" + crisis.ticketId(),
                        "thing2", crisis.district() == null ? "—" : crisis.district(),
                        "time3", LocalDateTime.now(clock).format(TIME)));
            } catch (OfficialAccountException e) {
                log.warn("Crisis alert not sent (errcode {})", e.errorCode());
            }
        }
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
