package org.qingnuan.registry;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.qingnuan.api.error.CommonError;
import org.qingnuan.api.paging.PageQuery;
import org.qingnuan.api.paging.PageView;
import org.qingnuan.shared.persistence.Pages;
import org.qingnuan.audit.AuditTrail;
import org.qingnuan.jurisdiction.Jurisdiction;
import org.qingnuan.org.OrgService;
import org.qingnuan.privacy.Disclosures;
import org.qingnuan.privacy.Masks;
import org.qingnuan.privacy.PersonalDataCipher;
import org.qingnuan.privacy.Phones;
import org.qingnuan.registry.WorkerRequests.MemberInput;
import org.qingnuan.registry.WorkerRequests.SaveFamilyRequest;
import org.qingnuan.registry.WorkerRequests.SaveWorkerRequest;
import org.qingnuan.registry.WorkerRequests.WorkerQuery;
import org.qingnuan.registry.internal.FamilyMapper;
import org.qingnuan.registry.internal.FamilyMemberMapper;
import org.qingnuan.registry.internal.HospitalMapper;
import org.qingnuan.registry.internal.MedicalTeamMapper;
import org.qingnuan.registry.internal.MedicalWorkerMapper;
import org.qingnuan.shared.error.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Frontline medical workers and their families. Personal fields are sealed on the way in and
 * masked on the way out; only {@link #reveal} shows them in clear, and it leaves an access record.
 */
@Service
public class MedicalWorkerService {

    static final String SUBJECT = "MEDICAL_WORKER";
    private static final List<String> REVEALED_FIELDS = List.of("OWN_PHONE", "FAMILY_PHONE", "HOME_ADDRESS",
            "ID_NUMBER", "NOTES", "FAMILY_ADDRESS", "FAMILY_MEMBERS");
    private static final List<String> EXPORTED_FIELDS = List.of("OWN_PHONE", "FAMILY_PHONE", "HOME_ADDRESS", "ID_NUMBER", "NOTES");

    private final MedicalWorkerMapper workers;
    private final FamilyMapper families;
    private final FamilyMemberMapper members;
    private final HospitalMapper hospitals;
    private final MedicalTeamMapper teams;
    private final OrgService orgs;
    private final PersonalDataCipher cipher;
    private final Disclosures disclosures;
    private final AuditTrail auditTrail;
    private final ObjectMapper json;
    private final BatchList batches;
    private final WorkerHistory history;
    private final java.time.Clock clock;

    MedicalWorkerService(MedicalWorkerMapper workers, FamilyMapper families, FamilyMemberMapper members,
                         HospitalMapper hospitals, MedicalTeamMapper teams, OrgService orgs, PersonalDataCipher cipher,
                         Disclosures disclosures, AuditTrail auditTrail, ObjectMapper json, BatchList batches,
                         WorkerHistory history, java.time.Clock clock) {
        this.workers = workers;
        this.families = families;
        this.members = members;
        this.hospitals = hospitals;
        this.teams = teams;
        this.orgs = orgs;
        this.cipher = cipher;
        this.disclosures = disclosures;
        this.auditTrail = auditTrail;
        this.json = json;
        this.batches = batches;
        this.history = history;
        this.clock = clock;
    }

    /** What a member's sealed details hold. */
    record MemberDetails(String name, String phone, String schoolGrade, String healthNote) {
    }

    public MedicalWorker get(long id) {
        MedicalWorker w = workers.selectById(id);
        if (w == null) {
            throw new DomainException(RegistryError.WORKER_NOT_FOUND);
        }
        return w;
    }

    public PageView<WorkerView> list(WorkerQuery q, PageQuery paging) {
        Page<MedicalWorker> page = workers.selectPage(Pages.of(paging), where(q));
        Names names = names(page.getRecords());
        return Pages.view(page)
                .map(w -> view(w, names, false, null));
    }

    /**
     * One page of the export. With a reason the page is in clear and every worker on it gets an access
     * record, as for a reveal; without, masked like the list.
     */
    @Transactional
    public List<WorkerView> exportPage(WorkerQuery q, PageQuery paging, String clearReason) {
        List<MedicalWorker> page = workers.selectPage(Pages.of(paging), where(q)).getRecords();
        boolean clear = clearReason != null;
        if (clear) {
            Map<Long, Long> subjects = new java.util.LinkedHashMap<>();
            page.forEach(w -> subjects.put(w.getId(), w.getOrgId()));
            disclosures.recordEach(SUBJECT, subjects, EXPORTED_FIELDS, "导出原文：" + clearReason);
        }
        Names names = names(page);
        return page.stream().map(w -> view(w, names, clear, null)).toList();
    }

    /** Whether the caller may export in clear (checked before the file starts). */
    public void requireClearExportAllowed() {
        disclosures.requireEntitled();
    }

    /** The volunteers actually paired (active 手拉手) with these workers' families, names joined by 、. */
    public Map<Long, String> pairedPartners(List<Long> workerIds, boolean clear) {
        if (workerIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> partners = new HashMap<>();
        for (MedicalWorkerMapper.Partner p : workers.activePartnersUnscoped(workerIds)) {
            String name = clear ? p.partnerName() : Masks.name(p.partnerName());
            partners.merge(p.workerId(), name, (a, b) -> a + "、" + b);
        }
        return partners;
    }

    /** Filters of the list and the export; the jurisdiction filter adds the rest. */
    public LambdaQueryWrapper<MedicalWorker> where(WorkerQuery q) {
        LambdaQueryWrapper<MedicalWorker> where = new LambdaQueryWrapper<MedicalWorker>()
                .eq(q.hospitalId() != null, MedicalWorker::getHospitalId, q.hospitalId())
                .eq(q.teamId() != null, MedicalWorker::getTeamId, q.teamId())
                .eq(q.aidedHubei() != null, MedicalWorker::getAidedHubei, q.aidedHubei())
                .eq(q.batch() != null, MedicalWorker::getBatch, q.batch())
                .like(q.keyword() != null && !q.keyword().isBlank(), MedicalWorker::getName, q.keyword())
                .orderByAsc(MedicalWorker::getId);
        // withdrawn people stay listed on request only ("all" shows both)
        String status = q.status() == null ? "ACTIVE" : q.status();
        if (status.equals("ACTIVE")) {
            where.isNull(MedicalWorker::getWithdrawnAt);
        } else if (status.equals("WITHDRAWN")) {
            where.isNotNull(MedicalWorker::getWithdrawnAt);
        }
        if (q.phone() != null && !q.phone().isBlank()) {
            String index = cipher.blindIndex(Phones.normalise(q.phone()));
            where.and(w -> w.eq(MedicalWorker::getOwnPhoneIndex, index).or().eq(MedicalWorker::getFamilyPhoneIndex, index));
        }
        if (q.orgId() != null) {
            String path = orgs.find(q.orgId()).map(o -> o.getPath()).orElse(null);
            if (path == null || !Jurisdiction.PATH.matcher(path).matches()) {
                where.apply("1 = 0"); // an org outside the jurisdiction narrows to nothing
            } else {
                where.inSql(MedicalWorker::getOrgId, "SELECT id FROM org_unit WHERE path LIKE '" + path + "%'");
            }
        }
        return where;
    }

    public WorkerView detail(long id) {
        MedicalWorker w = get(id);
        return view(w, names(List.of(w)), false, family(w.getId(), false));
    }

    /** The worker and family with every personal field in clear, recorded as a disclosure. */
    @Transactional
    public WorkerView reveal(long id, String reason) {
        MedicalWorker w = get(id);
        disclosures.record(SUBJECT, id, w.getOrgId(), REVEALED_FIELDS, reason);
        return view(w, names(List.of(w)), true, family(w.getId(), true));
    }

    @Transactional
    public MedicalWorker create(SaveWorkerRequest r) {
        MedicalWorker w = new MedicalWorker();
        apply(w, r);
        requireNewIdentity(w, null);
        workers.insert(w);
        Family family = new Family();
        family.setOrgId(w.getOrgId());
        family.setWorkerId(w.getId());
        family.setAddressSealed(w.getHomeAddressSealed());
        families.insert(family);
        history.record();
        auditTrail.record("WORKER_CREATED", SUBJECT, w.getId(), w.getOrgId(), Map.of("hospitalId", w.getHospitalId()));
        return get(w.getId());
    }

    @Transactional
    public MedicalWorker update(long id, SaveWorkerRequest r) {
        MedicalWorker w = get(id);
        if (r.version() == null || !Objects.equals(w.getVersion(), r.version())) {
            throw new DomainException(CommonError.VERSION_CONFLICT);
        }
        long fromOrg = w.getOrgId();
        apply(w, r);
        requireNewIdentity(w, id);
        if (workers.updateById(w) == 0) {
            throw new DomainException(CommonError.VERSION_CONFLICT);
        }
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("hospitalId", w.getHospitalId());
        if (fromOrg != w.getOrgId()) {
            // the family goes with the worker, or the new district would see the worker without a family
            workers.moveFamiliesWithWorkers(List.of(id));
            workers.moveMembersWithFamilies(List.of(id));
            details.put("movedFrom", fromOrg);
            details.put("movedTo", w.getOrgId());
        }
        history.record();
        auditTrail.record("WORKER_UPDATED", SUBJECT, id, w.getOrgId(), details);
        return get(id);
    }

    /**
     * The worker left the front line (or was entered for a list they do not belong on): kept with the
     * reason, restorable, and not counted in annex 1 from now on.
     */
    @Transactional
    public WorkerView withdraw(long id, String reason) {
        MedicalWorker w = get(id);
        if (w.getWithdrawnAt() != null) {
            throw new DomainException(RegistryError.WORKER_ALREADY_WITHDRAWN);
        }
        w.setWithdrawnAt(java.time.LocalDateTime.now(clock));
        w.setWithdrawReason(reason.trim());
        if (workers.updateById(w) == 0) {
            throw new DomainException(CommonError.VERSION_CONFLICT);
        }
        history.record();
        auditTrail.record("WORKER_WITHDRAWN", SUBJECT, id, w.getOrgId(), Map.of("reason", reason.trim()));
        return detail(id);
    }

    @Transactional
    public WorkerView restore(long id, String reason) {
        MedicalWorker w = get(id);
        if (w.getWithdrawnAt() == null) {
            throw new DomainException(RegistryError.WORKER_NOT_WITHDRAWN);
        }
        String was = w.getWithdrawReason();
        w.setWithdrawnAt(null);
        w.setWithdrawReason(null);
        if (workers.updateById(w) == 0) {
            throw new DomainException(CommonError.VERSION_CONFLICT);
        }
        history.record();
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("reason", reason.trim());
        details.put("withdrawnFor", was == null ? "" : was);
        auditTrail.record("WORKER_RESTORED", SUBJECT, id, w.getOrgId(), details);
        return detail(id);
    }

    /**
     * Removes an entry made by mistake, with its family and history, as if it had never counted. A family
     * that already has requests, pairings, plans or invites is real: that worker is withdrawn instead.
     */
    @Transactional
    public void delete(long id, String reason) {
        MedicalWorker w = get(id);
        Family family = families.selectOne(new LambdaQueryWrapper<Family>().eq(Family::getWorkerId, id));
        if (family != null) {
            if (workers.countFamilyHistoryUnscoped(family.getId()) > 0) {
                throw new DomainException(RegistryError.WORKER_HAS_HISTORY);
            }
            members.delete(new LambdaQueryWrapper<FamilyMember>().eq(FamilyMember::getFamilyId, family.getId()));
            families.deleteById(family.getId());
        }
        workers.deleteById(id);
        history.forget(id);
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("reason", reason.trim());
        details.put("name", w.getName());
        details.put("hospitalId", w.getHospitalId());
        auditTrail.record("WORKER_DELETED", SUBJECT, id, w.getOrgId(), details);
    }

    @Transactional
    public WorkerView updateFamily(long workerId, SaveFamilyRequest r) {
        MedicalWorker w = get(workerId);
        Family family = families.selectOne(new LambdaQueryWrapper<Family>().eq(Family::getWorkerId, workerId));
        if (family == null) {
            throw new DomainException(RegistryError.FAMILY_NOT_FOUND);
        }
        if (!Objects.equals(family.getVersion(), r.version())) {
            throw new DomainException(CommonError.VERSION_CONFLICT);
        }
        family.setAddressSealed(cipher.seal(blankToNull(r.address())));
        family.setLatitude(r.latitude());
        family.setLongitude(r.longitude());
        if (families.updateById(family) == 0) {
            throw new DomainException(CommonError.VERSION_CONFLICT);
        }
        members.delete(new LambdaQueryWrapper<FamilyMember>().eq(FamilyMember::getFamilyId, family.getId()));
        for (MemberInput m : r.members() == null ? List.<MemberInput>of() : r.members()) {
            FamilyMember member = new FamilyMember();
            member.setFamilyId(family.getId());
            member.setOrgId(family.getOrgId());
            member.setRelation(m.relation());
            member.setAgeBand(m.ageBand());
            member.setElderlyAlone(Boolean.TRUE.equals(m.elderlyAlone()));
            member.setSchoolChild(Boolean.TRUE.equals(m.schoolChild()));
            member.setChronicIllness(Boolean.TRUE.equals(m.chronicIllness()));
            member.setPregnant(Boolean.TRUE.equals(m.pregnant()));
            member.setDisabled(Boolean.TRUE.equals(m.disabled()));
            member.setDetailsSealed(cipher.seal(toJson(new MemberDetails(blankToNull(m.name()),
                    m.phone() == null ? null : Phones.normalise(m.phone()), blankToNull(m.schoolGrade()),
                    blankToNull(m.healthNote())))));
            members.insert(member);
        }
        auditTrail.record("FAMILY_UPDATED", "FAMILY", family.getId(), family.getOrgId(),
                Map.of("workerId", workerId, "members", r.members() == null ? 0 : r.members().size()));
        return view(w, names(List.of(w)), false, family(workerId, false));
    }

    private void apply(MedicalWorker w, SaveWorkerRequest r) {
        Hospital hospital = hospitals.selectByIdUnscoped(r.hospitalId());
        if (hospital == null) {
            throw DomainException.onField(RegistryError.HOSPITAL_NOT_FOUND, "hospitalId", "医院不存在");
        }
        if (r.teamId() != null && teams.selectAllUnscoped().stream().noneMatch(t -> t.getId().equals(r.teamId()))) {
            throw DomainException.onField(RegistryError.TEAM_NOT_FOUND, "teamId", "医疗队不存在");
        }
        if (r.orgId() != null) {
            w.setOrgId(orgs.get(r.orgId()).getId());
        } else if (w.getOrgId() == null) {
            w.setOrgId(Jurisdiction.current().map(Jurisdiction::orgId)
                    .orElseThrow(() -> new DomainException(CommonError.UNAUTHENTICATED)));
        }
        String ownPhone = Phones.normalise(r.ownPhone());
        String familyPhone = r.familyPhone() == null || r.familyPhone().isBlank() ? null : Phones.normalise(r.familyPhone());
        w.setHospitalId(hospital.getId());
        w.setTeamId(r.teamId());
        w.setName(r.name());
        w.setGender(r.gender());
        w.setPosition(blankToNull(r.position()));
        w.setFrontlineLocation(blankToNull(r.frontlineLocation()));
        w.setHomeAddressSealed(cipher.seal(blankToNull(r.homeAddress())));
        w.setOwnPhoneSealed(cipher.seal(ownPhone));
        w.setOwnPhoneIndex(cipher.blindIndex(ownPhone));
        w.setFamilyPhoneSealed(cipher.seal(familyPhone));
        w.setFamilyPhoneIndex(cipher.blindIndex(familyPhone));
        String idNumber = r.idNumber() == null || r.idNumber().isBlank() ? null : r.idNumber().trim().toUpperCase();
        w.setIdNumberSealed(cipher.seal(idNumber));
        w.setIdNumberIndex(cipher.blindIndex(idNumber));
        w.setNotesSealed(cipher.seal(blankToNull(r.notes())));
        w.setPairedVolunteer(blankToNull(r.pairedVolunteer()));
        w.setAidedHubei(Boolean.TRUE.equals(r.aidedHubei()));
        if (!batches.contains(r.batch())) {
            throw DomainException.onField(CommonError.VALIDATION_FAILED, "batch", "批次应为" + batches.spelled() + "之一");
        }
        w.setBatch(r.batch());
    }

    /**
     * One person, one entry: the same ID number, or without one the same hospital, name and own phone, is
     * refused. Namesakes at one hospital may be registered; the import then asks for their ID numbers.
     */
    private void requireNewIdentity(MedicalWorker w, Long exceptId) {
        long except = exceptId == null ? -1 : exceptId;
        boolean taken = w.getIdNumberIndex() != null
                ? workers.countByIdNumberUnscoped(w.getIdNumberIndex(), except) > 0
                : workers.countSameEntryUnscoped(w.getHospitalId(), w.getName(), w.getOwnPhoneIndex(), except) > 0;
        if (taken) {
            throw new DomainException(RegistryError.WORKER_ALREADY_REGISTERED);
        }
    }

    /** Names of the orgs, hospitals and teams a page of workers refers to, looked up once. */
    record Names(Map<Long, String> orgs, Map<Long, String> hospitals, Map<Long, String> teams) {
    }

    Names names(Collection<MedicalWorker> page) {
        Set<Long> orgIds = page.stream().map(MedicalWorker::getOrgId).collect(Collectors.toSet());
        Map<Long, String> hospitalNames = new HashMap<>();
        hospitals.selectAllUnscoped().forEach(h -> hospitalNames.put(h.getId(), h.getName()));
        Map<Long, String> teamNames = new HashMap<>();
        teams.selectAllUnscoped().forEach(t -> teamNames.put(t.getId(), t.getName()));
        return new Names(orgs.names(orgIds), hospitalNames, teamNames);
    }

    WorkerView view(MedicalWorker w, Names names, boolean clear, WorkerView.FamilyView family) {
        String ownPhone = cipher.open(w.getOwnPhoneSealed());
        String familyPhone = cipher.open(w.getFamilyPhoneSealed());
        String address = cipher.open(w.getHomeAddressSealed());
        return new WorkerView(w.getId(), w.getOrgId(), names.orgs().get(w.getOrgId()), w.getHospitalId(),
                names.hospitals().get(w.getHospitalId()), w.getTeamId(),
                w.getTeamId() == null ? null : names.teams().get(w.getTeamId()), w.getName(), w.getGender(),
                w.getGender().label(), w.getPosition(), w.getFrontlineLocation(),
                clear ? address : Masks.address(address), clear ? ownPhone : Masks.phone(ownPhone),
                clear ? familyPhone : Masks.phone(familyPhone),
                w.getIdNumberSealed() != null, clear ? cipher.open(w.getIdNumberSealed()) : null,
                w.getNotesSealed() != null, clear ? cipher.open(w.getNotesSealed()) : null,
                w.getPairedVolunteer(), Boolean.TRUE.equals(w.getAidedHubei()), w.getBatch(), batches.label(w.getBatch()),
                clear, w.getVersion(), w.getWithdrawnAt(), w.getWithdrawReason(), family);
    }

    private WorkerView.FamilyView family(long workerId, boolean clear) {
        Family family = families.selectOne(new LambdaQueryWrapper<Family>().eq(Family::getWorkerId, workerId));
        if (family == null) {
            return null;
        }
        List<WorkerView.MemberView> memberViews = members.selectList(new LambdaQueryWrapper<FamilyMember>()
                        .eq(FamilyMember::getFamilyId, family.getId()).orderByAsc(FamilyMember::getId)).stream()
                .map(m -> {
                    MemberDetails d = details(m.getDetailsSealed());
                    return new WorkerView.MemberView(m.getId(), m.getRelation(), m.getRelation().label(), m.getAgeBand(),
                            m.getAgeBand().label(), Boolean.TRUE.equals(m.getElderlyAlone()),
                            Boolean.TRUE.equals(m.getSchoolChild()), Boolean.TRUE.equals(m.getChronicIllness()),
                            Boolean.TRUE.equals(m.getPregnant()), Boolean.TRUE.equals(m.getDisabled()),
                            clear ? d.name() : Masks.name(d.name()), clear ? d.phone() : Masks.phone(d.phone()),
                            clear ? d.schoolGrade() : null, clear ? d.healthNote() : null);
                })
                .toList();
        String address = cipher.open(family.getAddressSealed());
        // an exact point is as telling as the address: masked views get it to about a kilometre
        return new WorkerView.FamilyView(family.getId(), clear ? address : Masks.address(address),
                clear ? family.getLatitude() : Masks.coordinate(family.getLatitude()),
                clear ? family.getLongitude() : Masks.coordinate(family.getLongitude()), memberViews, family.getVersion());
    }

    private MemberDetails details(String sealed) {
        if (sealed == null) {
            return new MemberDetails(null, null, null, null);
        }
        try {
            return json.readValue(cipher.open(sealed), MemberDetails.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Sealed member details are not readable", e);
        }
    }

    private String toJson(MemberDetails details) {
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
