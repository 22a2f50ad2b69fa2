package org.qingnuan.volunteer;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper;
import org.qingnuan.api.mini.MiniUserView.RoleKind;
import org.qingnuan.api.pairing.CheckInRequest;
import org.qingnuan.api.pairing.CheckInView;
import org.qingnuan.api.pairing.PairingView;
import org.qingnuan.api.volunteer.Skill;
import org.qingnuan.api.volunteer.VolunteerStatus;
import org.qingnuan.audit.AuditTrail;
import org.qingnuan.identity.RoleBindings;
import org.qingnuan.identity.UserPrincipal;
import org.qingnuan.identity.UserRole;
import org.qingnuan.org.OrgService;
import org.qingnuan.org.OrgType;
import org.qingnuan.org.OrgUnit;
import org.qingnuan.privacy.Disclosures;
import org.qingnuan.registry.Family;
import org.qingnuan.registry.FamilyDirectory;
import org.qingnuan.registry.FamilyMember;
import org.qingnuan.registry.RegistryError;
import org.qingnuan.shared.error.DomainException;
import org.qingnuan.shared.geo.Distances;
import org.qingnuan.staff.CurrentStaff;
import org.qingnuan.volunteer.internal.PairingCheckInMapper;
import org.qingnuan.volunteer.internal.PairingMapper;
import org.qingnuan.volunteer.internal.VolunteerMapper;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 手拉手: staff pair one partner with one family, helped by suggestions (suitable first, then
 * nearest); the partner sees their family in the mini-program, logs check-ins and may ask help for
 * them (the PAIRED role). Coverage is the share of registered families with an active pairing.
 */
@Service
public class Pairings {

    private static final int SUGGESTIONS = 10;

    private final PairingMapper pairings;
    private final PairingCheckInMapper checkIns;
    private final VolunteerMapper volunteers;
    private final FamilyDirectory directory;
    private final RoleBindings roles;
    private final OrgService orgs;
    private final Disclosures disclosures;
    private final AuditTrail auditTrail;
    private final Clock clock;

    Pairings(PairingMapper pairings, PairingCheckInMapper checkIns, VolunteerMapper volunteers, FamilyDirectory directory,
             RoleBindings roles, OrgService orgs, Disclosures disclosures, AuditTrail auditTrail, Clock clock) {
        this.pairings = pairings;
        this.checkIns = checkIns;
        this.volunteers = volunteers;
        this.directory = directory;
        this.roles = roles;
        this.orgs = orgs;
        this.disclosures = disclosures;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    public record PairRequest(@jakarta.validation.constraints.NotNull(message = "请选择家庭") Long familyId,
                              @jakarta.validation.constraints.NotNull(message = "请选择结对人") Long volunteerId,
                              @jakarta.validation.constraints.NotNull(message = "请选择结对人身份（志愿者或干部）")
                              Pairing.PartnerKind partnerKind) {
    }

    public record EndRequest(@jakarta.validation.constraints.NotBlank(message = "请填写结束原因")
                             @jakarta.validation.constraints.Size(max = 200, message = "原因最多 200 个字")
                             @org.qingnuan.api.validation.PlainText String reason) {
    }

    public record StaffView(long id, long familyId, String familyLabel, String district, long volunteerId, String partnerName,
                            Pairing.PartnerKind partnerKind, LocalDateTime pairedAt, LocalDateTime endedAt, String endReason,
                            long checkIns, LocalDateTime lastCheckInAt) {
    }

    public record Suggestion(long volunteerId, String name, String orgName, Set<Skill> skills, Double distanceKm,
                             List<String> meets) {
    }

    public record Coverage(long orgId, String district, long families, long paired, BigDecimal share) {
    }

    // --- staff side (jurisdiction applies to pairings, volunteers and families) ---

    @Transactional
    public StaffView pair(PairRequest r) {
        Family family = directory.family(r.familyId()).orElseThrow(() -> new DomainException(RegistryError.FAMILY_NOT_FOUND));
        Volunteer v = volunteers.selectById(r.volunteerId());
        if (v == null) {
            throw new DomainException(VolunteerError.VOLUNTEER_NOT_FOUND);
        }
        if (v.getStatus() != VolunteerStatus.APPROVED) {
            throw new DomainException(PairingError.PARTNER_NOT_APPROVED);
        }
        Pairing p = new Pairing();
        p.setFamilyId(family.getId());
        p.setOrgId(family.getOrgId());
        p.setVolunteerId(v.getId());
        p.setPartnerKind(r.partnerKind());
        p.setActiveFamilyKey(family.getId());
        p.setActivePartnerKey(v.getId());
        p.setPairedBy(CurrentStaff.require().staffId());
        try {
            pairings.insert(p);
        } catch (DuplicateKeyException taken) {
            boolean familyTaken = pairings.selectCount(new LambdaQueryWrapper<Pairing>()
                    .eq(Pairing::getActiveFamilyKey, family.getId())) > 0;
            throw new DomainException(familyTaken ? PairingError.FAMILY_ALREADY_PAIRED : PairingError.PARTNER_ALREADY_PAIRED);
        }
        roles.bind(v.getUserId(), RoleKind.PAIRED, family.getId(), family.getOrgId(), UserRole.Source.PAIRING);
        auditTrail.record("PAIRING_CREATED", "FAMILY", family.getId(), family.getOrgId(),
                Map.of("volunteerId", v.getId(), "kind", r.partnerKind()));
        return staffView(pairings.selectById(p.getId()));
    }

    @Transactional
    public StaffView end(long id, String reason) {
        Pairing p = get(id);
        if (!p.active()) {
            throw new DomainException(PairingError.PAIRING_ENDED);
        }
        pairings.update(null, new LambdaUpdateWrapper<Pairing>().set(Pairing::getEndedAt, LocalDateTime.now(clock))
                .set(Pairing::getEndReason, reason).set(Pairing::getActiveFamilyKey, null).set(Pairing::getActivePartnerKey, null)
                .eq(Pairing::getId, id).isNull(Pairing::getEndedAt));
        Volunteer v = volunteers.selectById(p.getVolunteerId());
        if (v != null) {
            roles.unbind(v.getUserId(), RoleKind.PAIRED, p.getFamilyId());
        }
        auditTrail.record("PAIRING_ENDED", "FAMILY", p.getFamilyId(), p.getOrgId(), Map.of("reason", reason));
        return staffView(pairings.selectById(id));
    }

    public List<StaffView> list(Boolean active, Long familyId) {
        return pairings.selectList(new LambdaQueryWrapper<Pairing>()
                        .isNull(Boolean.TRUE.equals(active), Pairing::getEndedAt)
                        .isNotNull(Boolean.FALSE.equals(active), Pairing::getEndedAt)
                        .eq(familyId != null, Pairing::getFamilyId, familyId)
                        .orderByDesc(Pairing::getId).last("LIMIT 500"))
                .stream().map(this::staffView).toList();
    }

    /** Approved, unpaired volunteers of the jurisdiction: those whose skills meet the family's needs first, then nearest. */
    public List<Suggestion> suggestions(long familyId) {
        Family family = directory.family(familyId).orElseThrow(() -> new DomainException(RegistryError.FAMILY_NOT_FOUND));
        Map<Skill, String> needs = needs(directory.members(familyId));
        List<Suggestion> found = new ArrayList<>();
        for (Volunteer v : volunteers.selectList(new LambdaQueryWrapper<Volunteer>().eq(Volunteer::getStatus, VolunteerStatus.APPROVED)
                .notInSql(Volunteer::getId, "SELECT active_partner_key FROM pairing WHERE active_partner_key IS NOT NULL")
                .last("LIMIT 2000"))) {
            List<String> meets = needs.entrySet().stream().filter(e -> v.skillSet().contains(e.getKey()))
                    .map(Map.Entry::getValue).distinct().toList();
            if (!needs.isEmpty() && meets.isEmpty()) {
                continue;
            }
            Double km = family.getLatitude() == null ? null : Math.round(Distances.km(family.getLatitude().doubleValue(),
                    family.getLongitude().doubleValue(), v.getHomeLatitude().doubleValue(), v.getHomeLongitude().doubleValue()) * 10) / 10.0;
            found.add(new Suggestion(v.getId(), v.getName(), orgs.find(v.getOrgId()).map(OrgUnit::getName).orElse(null),
                    v.skillSet(), km, meets));
        }
        found.sort(Comparator.comparing((Suggestion s) -> -s.meets().size())
                .thenComparing(s -> s.distanceKm() == null ? Double.MAX_VALUE : s.distanceKm()));
        return found.stream().limit(SUGGESTIONS).toList();
    }

    /** Per district league of the jurisdiction: registered families, those with an active pairing, and the share. */
    public List<Coverage> coverage() {
        List<OrgUnit> visible = orgs.visible();
        Map<Long, String> paths = new HashMap<>();
        visible.forEach(o -> paths.put(o.getId(), o.getPath()));
        Map<Long, Long> families = directory.familyCountsByOrg();
        Map<Long, Long> paired = new HashMap<>();
        pairings.selectList(new LambdaQueryWrapper<Pairing>().isNull(Pairing::getEndedAt).select(Pairing::getOrgId))
                .forEach(p -> paired.merge(p.getOrgId(), 1L, Long::sum));
        List<Coverage> rows = new ArrayList<>();
        for (OrgUnit district : visible) {
            if (district.getType() != OrgType.DISTRICT_LEAGUE) {
                continue;
            }
            long f = sumUnder(district.getPath(), families, paths);
            long p = sumUnder(district.getPath(), paired, paths);
            BigDecimal share = f == 0 ? BigDecimal.ZERO
                    : BigDecimal.valueOf(p * 100).divide(BigDecimal.valueOf(f), 1, RoundingMode.HALF_UP);
            rows.add(new Coverage(district.getId(), district.getName(), f, p, share));
        }
        return rows;
    }

    // --- the partner's side (mini-program) ---

    public List<PairingView> mine(UserPrincipal user, Volunteer partner) {
        return pairings.selectList(new LambdaQueryWrapper<Pairing>().eq(Pairing::getVolunteerId, partner.getId())
                        .isNull(Pairing::getEndedAt)).stream()
                .map(p -> partnerView(partner, p)).toList();
    }

    @Transactional
    public CheckInView checkIn(Volunteer partner, long pairingId, CheckInRequest r) {
        Pairing p = pairings.selectById(pairingId);
        if (p == null || !p.getVolunteerId().equals(partner.getId())) {
            throw new DomainException(PairingError.PAIRING_NOT_FOUND);
        }
        if (!p.active()) {
            throw new DomainException(PairingError.PAIRING_ENDED);
        }
        PairingCheckIn c = new PairingCheckIn();
        c.setPairingId(p.getId());
        c.setFamilyId(p.getFamilyId());
        c.setOrgId(p.getOrgId());
        c.setMethod(r.method());
        c.setNote(r.note());
        c.setHappenedAt(r.happenedAt() != null ? r.happenedAt() : LocalDateTime.now(clock));
        checkIns.insert(c);
        return view(c);
    }

    private PairingView partnerView(Volunteer partner, Pairing p) {
        FamilyDirectory.FamilyContact contact = directory.contact(p.getFamilyId()).orElseThrow();
        disclosures.recordVolunteerView(partner.getId(), partner.getName(), "FAMILY", p.getFamilyId(), p.getOrgId(),
                List.of("address", "contactPhone"));
        List<PairingView.Member> members = directory.members(p.getFamilyId()).stream()
                .map(m -> new PairingView.Member(m.getRelation().label(), m.getAgeBand().label(), needLabels(m))).toList();
        List<CheckInView> recent = checkIns.selectList(new LambdaQueryWrapper<PairingCheckIn>()
                        .eq(PairingCheckIn::getPairingId, p.getId()).orderByDesc(PairingCheckIn::getHappenedAt).last("LIMIT 10"))
                .stream().map(Pairings::view).toList();
        return new PairingView(p.getId(), p.getFamilyId(), contact.workerNameMasked() + " 医生的家庭",
                directory.districtOf(p.getOrgId()), contact.address(), contact.contactPhone(), members, p.getCreatedAt(), recent);
    }

    private StaffView staffView(Pairing p) {
        String label = directory.contact(p.getFamilyId()).map(c -> c.workerNameMasked() + " 的家庭").orElse("家庭 #" + p.getFamilyId());
        Volunteer v = volunteers.selectById(p.getVolunteerId());
        List<PairingCheckIn> all = checkIns.selectList(new LambdaQueryWrapper<PairingCheckIn>()
                .eq(PairingCheckIn::getPairingId, p.getId()).orderByDesc(PairingCheckIn::getHappenedAt));
        return new StaffView(p.getId(), p.getFamilyId(), label, directory.districtOf(p.getOrgId()), p.getVolunteerId(),
                v == null ? null : v.getName(), p.getPartnerKind(), p.getCreatedAt(), p.getEndedAt(), p.getEndReason(),
                all.size(), all.isEmpty() ? null : all.get(0).getHappenedAt());
    }

    private Pairing get(long id) {
        Pairing p = pairings.selectById(id);
        if (p == null) {
            throw new DomainException(PairingError.PAIRING_NOT_FOUND);
        }
        return p;
    }

    private static CheckInView view(PairingCheckIn c) {
        return new CheckInView(c.getId(), c.getMethod(), c.getMethod().label(), c.getNote(), c.getHappenedAt());
    }

    /** What the family's members need, as the skills that meet it. */
    private static Map<Skill, String> needs(List<FamilyMember> members) {
        Map<Skill, String> needs = new java.util.EnumMap<>(Skill.class);
        for (FamilyMember m : members) {
            if (Boolean.TRUE.equals(m.getSchoolChild())) {
                needs.put(Skill.TUTOR, "在校学生课业辅导");
            }
            if (Boolean.TRUE.equals(m.getElderlyAlone())) {
                needs.put(Skill.ELDERLY_CARE, "独居老人照护");
            }
            if (Boolean.TRUE.equals(m.getChronicIllness()) || Boolean.TRUE.equals(m.getDisabled()) || Boolean.TRUE.equals(m.getPregnant())) {
                needs.put(Skill.MEDICAL, "慢性病、残障或孕期照护");
            }
        }
        return needs;
    }

    private static List<String> needLabels(FamilyMember m) {
        List<String> labels = new ArrayList<>();
        if (Boolean.TRUE.equals(m.getElderlyAlone())) labels.add("独居老人");
        if (Boolean.TRUE.equals(m.getSchoolChild())) labels.add("在校学生");
        if (Boolean.TRUE.equals(m.getChronicIllness())) labels.add("慢性病");
        if (Boolean.TRUE.equals(m.getPregnant())) labels.add("孕期");
        if (Boolean.TRUE.equals(m.getDisabled())) labels.add("残障");
        return labels;
    }

    private static long sumUnder(String path, Map<Long, Long> counts, Map<Long, String> paths) {
        return counts.entrySet().stream().filter(e -> paths.getOrDefault(e.getKey(), "").startsWith(path))
                .mapToLong(Map.Entry::getValue).sum();
    }
}
