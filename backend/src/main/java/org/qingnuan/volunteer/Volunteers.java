package org.qingnuan.volunteer;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper;
import org.qingnuan.api.error.ApiError;
import org.qingnuan.api.mini.MiniUserView.RoleKind;
import org.qingnuan.api.paging.PageQuery;
import org.qingnuan.api.paging.PageView;
import org.qingnuan.api.volunteer.MiniVolunteerApi;
import org.qingnuan.api.volunteer.Skill;
import org.qingnuan.api.volunteer.VolunteerRequests;
import org.qingnuan.api.volunteer.VolunteerStatus;
import org.qingnuan.api.volunteer.VolunteerView;
import org.qingnuan.audit.AuditTrail;
import org.qingnuan.identity.RoleBindings;
import org.qingnuan.identity.UserPrincipal;
import org.qingnuan.identity.UserRole;
import org.qingnuan.identity.WechatUsers;
import org.qingnuan.org.OrgService;
import org.qingnuan.org.OrgType;
import org.qingnuan.org.OrgUnit;
import org.qingnuan.privacy.Disclosures;
import org.qingnuan.privacy.Masks;
import org.qingnuan.privacy.PersonalDataCipher;
import org.qingnuan.shared.error.DomainException;
import org.qingnuan.shared.persistence.Pages;
import org.qingnuan.staff.CurrentStaff;
import org.qingnuan.ticket.ClaimGuard;
import org.qingnuan.ticket.VolunteerActor;
import org.qingnuan.volunteer.internal.VolunteerMapper;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Volunteers: registration in the mini-program, review by staff, insurance, and the duty gate. */
@Service
@EnableConfigurationProperties(VolunteerProperties.class)
public class Volunteers implements ClaimGuard {

    private static final Set<OrgType> ELIGIBLE = EnumSet.of(OrgType.UNIVERSITY_LEAGUE, OrgType.DISTRICT_LEAGUE, OrgType.PARTNER_UNIT);

    private final VolunteerMapper volunteers;
    private final RoleBindings roles;
    private final WechatUsers users;
    private final OrgService orgs;
    private final PersonalDataCipher cipher;
    private final Disclosures disclosures;
    private final AuditTrail auditTrail;
    private final VolunteerProperties properties;
    private final Clock clock;
    private final OnDutyRows onDutyRows;

    Volunteers(VolunteerMapper volunteers, RoleBindings roles, WechatUsers users, OrgService orgs, PersonalDataCipher cipher,
               Disclosures disclosures, AuditTrail auditTrail, VolunteerProperties properties, Clock clock,
               OnDutyRows onDutyRows) {
        this.onDutyRows = onDutyRows;
        this.volunteers = volunteers;
        this.roles = roles;
        this.users = users;
        this.orgs = orgs;
        this.cipher = cipher;
        this.disclosures = disclosures;
        this.auditTrail = auditTrail;
        this.properties = properties;
        this.clock = clock;
    }

    /** Staff filters. */
    public record VolunteerQuery(VolunteerStatus status, Skill skill) {
    }

    public record Review(@jakarta.validation.constraints.Size(max = 200, message = "说明最多 200 个字")
                         @org.qingnuan.api.validation.PlainText String note) {
    }

    public record Insurance(@jakarta.validation.constraints.NotBlank(message = "请填写保单号")
                            @jakarta.validation.constraints.Size(max = 64, message = "保单号最多 64 个字") String policy,
                            @jakarta.validation.constraints.NotNull(message = "请填写保险到期日") LocalDate until) {
    }

    @Override
    public void lock(long volunteerId) {
        volunteers.lockForClaim(volunteerId);
    }

    public List<MiniVolunteerApi.Organisation> organisations() {
        return orgs.ofTypes(ELIGIBLE).stream()
                .map(o -> new MiniVolunteerApi.Organisation(o.getId(), o.getName(), o.getType().label())).toList();
    }

    @Transactional
    public VolunteerView register(UserPrincipal user, VolunteerRequests.Register r) {
        String phone = users.verifiedPhoneOf(user.userId())
                .orElseThrow(() -> new DomainException(VolunteerError.PHONE_NOT_VERIFIED));
        OrgUnit org = orgs.find(r.orgId()).filter(o -> ELIGIBLE.contains(o.getType()))
                .orElseThrow(() -> new DomainException(VolunteerError.ORG_NOT_ELIGIBLE, VolunteerError.ORG_NOT_ELIGIBLE.message(),
                        List.of(new ApiError.FieldError("orgId", VolunteerError.ORG_NOT_ELIGIBLE.message()))));
        Volunteer v = new Volunteer();
        v.setUserId(user.userId());
        v.setOrgId(org.getId());
        v.setName(r.name().trim());
        v.setPhoneSealed(cipher.seal(phone));
        v.setPhoneIndex(cipher.blindIndex(phone));
        v.setIdNumberSealed(cipher.seal(r.idNumber().toUpperCase()));
        v.assignSkills(r.skills());
        v.setSkillNotes(r.skillNotes());
        v.setHomeLatitude(r.latitude());
        v.setHomeLongitude(r.longitude());
        v.setRadiusKm(r.radiusKm());
        v.setAvailability(r.availability());
        v.setStatus(VolunteerStatus.PENDING);
        v.setVersion(0);
        try {
            volunteers.insert(v);
        } catch (DuplicateKeyException already) {
            throw new DomainException(VolunteerError.ALREADY_REGISTERED);
        }
        roles.bind(user.userId(), RoleKind.VOLUNTEER, v.getId(), org.getId(), UserRole.Source.PHONE);
        return view(v, true);
    }

    public VolunteerView me(UserPrincipal user) {
        return view(ofUser(user), true);
    }

    /** The user's volunteer record. */
    public Volunteer ofUser(UserPrincipal user) {
        Volunteer v = volunteers.byUserId(user.userId());
        if (v == null) {
            throw new DomainException(VolunteerError.NOT_A_VOLUNTEER);
        }
        return v;
    }

    /**
     * Volunteers in the staff member's jurisdiction whose duty gate is open and who can serve the category: whom
     * a unit may assign a task to.
     */
    public List<VolunteerActor> onDutyFor(org.qingnuan.api.ticket.TicketCategory category) {
        LocalDate today = LocalDate.now(clock);
        return volunteers.selectList(new LambdaQueryWrapper<Volunteer>().eq(Volunteer::getStatus, VolunteerStatus.APPROVED)
                        .orderByAsc(Volunteer::getId).last("LIMIT 500")).stream()
                .filter(v -> DutyGate.of(v, today).open())
                .map(this::actor)
                .filter(a -> a.categories().contains(category))
                .toList();
    }

    /** A volunteer of the staff member's jurisdiction, for assignment: 404 when not found there, 409 when off duty. */
    public VolunteerActor onDuty(long volunteerId) {
        Volunteer v = volunteers.selectById(volunteerId);
        if (v == null) {
            throw new DomainException(VolunteerError.VOLUNTEER_NOT_FOUND);
        }
        return checkedOnDuty(v);
    }

    /** The volunteer as the task board needs them, only when the duty gate is open; else 403 naming each unmet condition. */
    public VolunteerActor onDuty(UserPrincipal user) {
        // the columns the gate and the board need, not the whole row: every volunteer request starts here
        Volunteer v = onDutyRows.ofUser(user.userId());
        if (v == null) {
            throw new DomainException(VolunteerError.NOT_A_VOLUNTEER);
        }
        return checkedOnDuty(v);
    }

    private VolunteerActor checkedOnDuty(Volunteer v) {
        VolunteerView.DutyGate gate = DutyGate.of(v, LocalDate.now(clock));
        if (!gate.open()) {
            throw new DomainException(VolunteerError.DUTY_GATE_CLOSED,
                    VolunteerError.DUTY_GATE_CLOSED.message() + "：" + String.join("；",
                            gate.unmet().stream().map(VolunteerView.Condition::message).toList()),
                    gate.unmet().stream().map(c -> new ApiError.FieldError(c.condition(), c.message())).toList());
        }
        return actor(v);
    }

    private VolunteerActor actor(Volunteer v) {
        return new VolunteerActor(v.getId(), v.getName(), Skill.categoriesFor(v.skillSet()), v.getHomeLatitude(),
                v.getHomeLongitude(), v.getRadiusKm(), properties.maxActiveTasks(), v.getOrgId());
    }

    void trainingPassed(long volunteerId) {
        volunteers.update(null, new LambdaUpdateWrapper<Volunteer>().set(Volunteer::getTrainingPassedAt, LocalDateTime.now(clock))
                .eq(Volunteer::getId, volunteerId).isNull(Volunteer::getTrainingPassedAt));
    }

    // --- staff side (jurisdiction applies: Volunteer is org-scoped) ---

    public PageView<VolunteerView> list(VolunteerQuery q, PageQuery paging) {
        LambdaQueryWrapper<Volunteer> where = new LambdaQueryWrapper<Volunteer>()
                .eq(q.status() != null, Volunteer::getStatus, q.status())
                .like(q.skill() != null, Volunteer::getSkills, q.skill() == null ? null : q.skill().name())
                // pending first (waiting for someone), then approved, then rejected; newest first within each
                .last("ORDER BY CASE status WHEN 'PENDING' THEN 0 WHEN 'APPROVED' THEN 1 ELSE 2 END, id DESC");
        return Pages.view(volunteers.selectPage(Pages.of(paging), where).convert(v -> view(v, false)));
    }

    public VolunteerView detail(long id) {
        return view(get(id), false);
    }

    @Transactional
    public VolunteerView reveal(long id, String reason) {
        Volunteer v = get(id);
        disclosures.record("VOLUNTEER", v.getId(), v.getOrgId(), List.of("phone", "idNumber"), reason);
        return view(v, true);
    }

    @Transactional
    public VolunteerView review(long id, boolean approve, String note) {
        Volunteer v = get(id);
        if (!approve && (note == null || note.isBlank())) {
            throw DomainException.onField(org.qingnuan.api.error.CommonError.VALIDATION_FAILED, "note", "请填写未通过的原因，志愿者会看到它");
        }
        int changed = volunteers.update(null, new LambdaUpdateWrapper<Volunteer>()
                .set(Volunteer::getStatus, approve ? VolunteerStatus.APPROVED : VolunteerStatus.REJECTED)
                .set(Volunteer::getReviewNote, note)
                .set(Volunteer::getReviewedBy, CurrentStaff.require().staffId())
                .set(Volunteer::getReviewedAt, LocalDateTime.now(clock))
                .set(Volunteer::getVersion, v.getVersion() + 1)
                .eq(Volunteer::getId, id).eq(Volunteer::getVersion, v.getVersion()));
        if (changed != 1) {
            throw new DomainException(VolunteerError.REVIEW_CONFLICT);
        }
        auditTrail.record(approve ? "VOLUNTEER_APPROVED" : "VOLUNTEER_REJECTED", "VOLUNTEER", id, v.getOrgId(), Map.of());
        return detail(id);
    }

    @Transactional
    public VolunteerView recordInsurance(long id, Insurance insurance) {
        Volunteer v = get(id);
        volunteers.update(null, new LambdaUpdateWrapper<Volunteer>().set(Volunteer::getInsurancePolicy, insurance.policy().trim())
                .set(Volunteer::getInsuranceUntil, insurance.until()).eq(Volunteer::getId, id));
        auditTrail.record("VOLUNTEER_INSURANCE_RECORDED", "VOLUNTEER", id, v.getOrgId(), Map.of("until", insurance.until().toString()));
        return detail(id);
    }

    private Volunteer get(long id) {
        Volunteer v = volunteers.selectById(id);
        if (v == null) {
            throw new DomainException(VolunteerError.VOLUNTEER_NOT_FOUND);
        }
        return v;
    }

    private VolunteerView view(Volunteer v, boolean clear) {
        String phone = cipher.open(v.getPhoneSealed());
        String idNumber = cipher.open(v.getIdNumberSealed());
        String orgName = orgs.find(v.getOrgId()).map(OrgUnit::getName).orElse(null);
        return new VolunteerView(v.getId(), v.getName(), clear ? phone : Masks.phone(phone),
                clear ? idNumber : Masks.idNumber(idNumber), v.getOrgId(), orgName, v.skillSet(), v.getSkillNotes(),
                // a home point is where someone lives: masked views round it to about a kilometre
                clear ? v.getHomeLatitude() : Masks.coordinate(v.getHomeLatitude()),
                clear ? v.getHomeLongitude() : Masks.coordinate(v.getHomeLongitude()), v.getRadiusKm(), v.getAvailability(), v.getStatus(),
                v.getStatus().label(), v.getReviewNote(), v.getTrainingPassedAt(), v.getInsurancePolicy(), v.getInsuranceUntil(),
                DutyGate.of(v, LocalDate.now(clock)));
    }
}
