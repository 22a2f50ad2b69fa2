package org.qingnuan.alert;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper;
import org.qingnuan.alert.internal.DutyExpertMapper;
import org.qingnuan.alert.internal.StaffAlertMapper;
import org.qingnuan.audit.AuditTrail;
import org.qingnuan.privacy.Masks;
import org.qingnuan.privacy.PersonalDataCipher;
import org.qingnuan.staff.CurrentStaff;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** Staff side of alerts and the duty roster, within their jurisdiction. */
@Service
public class StaffAlerts {

    private final StaffAlertMapper alerts;
    private final DutyExpertMapper experts;
    private final PersonalDataCipher cipher;
    private final AuditTrail auditTrail;
    private final Clock clock;

    StaffAlerts(StaffAlertMapper alerts, DutyExpertMapper experts, PersonalDataCipher cipher, AuditTrail auditTrail, Clock clock) {
        this.alerts = alerts;
        this.experts = experts;
        this.cipher = cipher;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    public record DutyExpertView(long id, long orgId, String name, String phone, boolean alertsByWechat, boolean active) {
    }

    public record AddDutyExpert(
            @jakarta.validation.constraints.NotBlank(message = "请填写姓名")
            @jakarta.validation.constraints.Size(max = 32, message = "姓名最多 32 个字")
            @jakarta.validation.constraints.Pattern(regexp = org.qingnuan.api.validation.Patterns.NAME, message = "姓名含有不支持的字符")
            String name,
            @jakarta.validation.constraints.NotBlank(message = "请填写手机号")
            @jakarta.validation.constraints.Pattern(regexp = "^1[3-9]\\d{9}$", message = "请填写正确的手机号") String phone,
            @jakarta.validation.constraints.Size(max = 64) String openId) {
    }

    /** A roster entry corrected: the phone and the OpenID only change when given (the list shows them masked). */
    public record UpdateDutyExpert(
            @jakarta.validation.constraints.NotBlank(message = "请填写姓名")
            @jakarta.validation.constraints.Size(max = 32, message = "姓名最多 32 个字")
            @jakarta.validation.constraints.Pattern(regexp = org.qingnuan.api.validation.Patterns.NAME, message = "姓名含有不支持的字符")
            String name,
            @jakarta.validation.constraints.Pattern(regexp = "^(1[3-9]\\d{9})?$", message = "请填写正确的手机号") String phone,
            @jakarta.validation.constraints.Size(max = 64, message = "OpenID 最多 64 个字符") String openId,
            @io.swagger.v3.oas.annotations.media.Schema(description = "true 停止公众号提醒（清除 OpenID）") Boolean clearOpenId,
            @io.swagger.v3.oas.annotations.media.Schema(description = "true 恢复值班，false 移出值班；不填不变") Boolean active) {
    }

    /** Which alerts a list shows: unread (neither read nor closed by its cause), read or closed, or all. */
    public enum AlertState { UNREAD, READ, ALL }

    /** The latest 100 alerts of the state, newest first (all: unread ones first). */
    public List<StaffAlert> recent(AlertState state) {
        LambdaQueryWrapper<StaffAlert> where = new LambdaQueryWrapper<>();
        switch (state == null ? AlertState.ALL : state) {
            case UNREAD -> where.isNull(StaffAlert::getReadAt).isNull(StaffAlert::getClosedAt);
            case READ -> where.and(w -> w.isNotNull(StaffAlert::getReadAt).or().isNotNull(StaffAlert::getClosedAt));
            case ALL -> where.orderByAsc(StaffAlert::getReadAt); // NULL (unread) first in MariaDB and H2 alike
        }
        return alerts.selectList(where.orderByDesc(StaffAlert::getId).last("LIMIT 100"));
    }

    public void markRead(long id) {
        alerts.update(null, new LambdaUpdateWrapper<StaffAlert>().set(StaffAlert::getReadAt, LocalDateTime.now(clock))
                .eq(StaffAlert::getId, id).isNull(StaffAlert::getReadAt));
    }

    public List<DutyExpertView> experts() {
        return experts.selectList(new LambdaQueryWrapper<DutyExpert>().orderByDesc(DutyExpert::getActive).orderByAsc(DutyExpert::getId))
                .stream().map(e -> new DutyExpertView(e.getId(), e.getOrgId(), e.getName(),
                        Masks.phone(cipher.open(e.getPhoneSealed())), e.getOpenId() != null, Boolean.TRUE.equals(e.getActive())))
                .toList();
    }

    @Transactional
    public DutyExpertView add(AddDutyExpert request) {
        DutyExpert expert = new DutyExpert();
        expert.setOrgId(CurrentStaff.require().orgId());
        expert.setName(request.name().trim());
        expert.setPhoneSealed(cipher.seal(request.phone()));
        expert.setOpenId(request.openId() == null || request.openId().isBlank() ? null : request.openId().trim());
        expert.setActive(true);
        experts.insert(expert);
        auditTrail.record("DUTY_EXPERT_ADDED", "DUTY_EXPERT", expert.getId(), expert.getOrgId(), Map.of());
        return new DutyExpertView(expert.getId(), expert.getOrgId(), expert.getName(), Masks.phone(request.phone()),
                expert.getOpenId() != null, true);
    }

    @Transactional
    public DutyExpertView update(long id, UpdateDutyExpert request) {
        DutyExpert expert = experts.selectById(id);
        if (expert == null) {
            throw new org.qingnuan.shared.error.DomainException(org.qingnuan.api.error.CommonError.NOT_FOUND);
        }
        expert.setName(request.name().trim());
        java.util.List<String> changed = new java.util.ArrayList<>(List.of("name"));
        if (request.phone() != null && !request.phone().isBlank()) {
            expert.setPhoneSealed(cipher.seal(request.phone()));
            changed.add("phone");
        }
        if (Boolean.TRUE.equals(request.clearOpenId())) {
            expert.setOpenId(null);
            changed.add("openId");
        } else if (request.openId() != null && !request.openId().isBlank()) {
            expert.setOpenId(request.openId().trim());
            changed.add("openId");
        }
        if (request.active() != null) {
            expert.setActive(request.active());
            changed.add("active");
        }
        experts.update(null, new LambdaUpdateWrapper<DutyExpert>().eq(DutyExpert::getId, id)
                .set(DutyExpert::getName, expert.getName()).set(DutyExpert::getPhoneSealed, expert.getPhoneSealed())
                .set(DutyExpert::getOpenId, expert.getOpenId()).set(DutyExpert::getActive, expert.getActive()));
        auditTrail.record("DUTY_EXPERT_UPDATED", "DUTY_EXPERT", id, expert.getOrgId(), Map.of("fields", String.join(",", changed)));
        return new DutyExpertView(expert.getId(), expert.getOrgId(), expert.getName(),
                Masks.phone(cipher.open(expert.getPhoneSealed())), expert.getOpenId() != null, Boolean.TRUE.equals(expert.getActive()));
    }

    @Transactional
    public void deactivate(long id) {
        DutyExpert expert = experts.selectById(id);
        if (expert == null) {
            throw new org.qingnuan.shared.error.DomainException(org.qingnuan.api.error.CommonError.NOT_FOUND);
        }
        experts.update(null, new LambdaUpdateWrapper<DutyExpert>().set(DutyExpert::getActive, false).eq(DutyExpert::getId, id));
        auditTrail.record("DUTY_EXPERT_REMOVED", "DUTY_EXPERT", id, expert.getOrgId(), Map.of());
    }
}
