package org.qingnuan.registry;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import org.qingnuan.api.error.CommonError;
import org.qingnuan.api.paging.PageQuery;
import org.qingnuan.api.paging.PageView;
import org.qingnuan.shared.persistence.Pages;
import org.qingnuan.audit.AuditTrail;
import org.qingnuan.jurisdiction.Jurisdiction;
import org.qingnuan.org.OrgService;
import org.qingnuan.org.OrgUnit;
import org.qingnuan.privacy.Disclosures;
import org.qingnuan.privacy.Masks;
import org.qingnuan.privacy.PersonalDataCipher;
import org.qingnuan.privacy.Phones;
import org.qingnuan.registry.TeamRequests.ContactInput;
import org.qingnuan.registry.TeamRequests.SaveTeamRequest;
import org.qingnuan.registry.TeamRequests.TeamQuery;
import org.qingnuan.registry.internal.MedicalTeamHospitalMapper;
import org.qingnuan.registry.internal.MedicalTeamMapper;
import org.qingnuan.registry.internal.TeamContactMapper;
import org.qingnuan.shared.error.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Medical teams, the hospitals they came from, and their leads and liaisons. */
@Service
public class MedicalTeamService {

    private final MedicalTeamMapper teams;
    private final MedicalTeamHospitalMapper teamHospitals;
    private final TeamContactMapper contacts;
    private final HospitalService hospitals;
    private final OrgService orgs;
    private final PersonalDataCipher cipher;
    private final Disclosures disclosures;
    private final AuditTrail auditTrail;

    MedicalTeamService(MedicalTeamMapper teams, MedicalTeamHospitalMapper teamHospitals, TeamContactMapper contacts,
                       HospitalService hospitals, OrgService orgs, PersonalDataCipher cipher, Disclosures disclosures,
                       AuditTrail auditTrail) {
        this.teams = teams;
        this.teamHospitals = teamHospitals;
        this.contacts = contacts;
        this.hospitals = hospitals;
        this.orgs = orgs;
        this.cipher = cipher;
        this.disclosures = disclosures;
        this.auditTrail = auditTrail;
    }

    public MedicalTeam get(long id) {
        MedicalTeam t = teams.selectById(id);
        if (t == null) {
            throw new DomainException(RegistryError.TEAM_NOT_FOUND);
        }
        return t;
    }

    /**
     * Replaces the team's invite code (for binding its leads on the official account); the old one stops
     * working. A code already taken by another team fails on the unique key ({@code DuplicateKeyException}),
     * and the caller may try another: no transaction of its own, so the failure does not mark the caller's
     * transaction rollback-only.
     */
    public void replaceInviteCode(long teamId, String code) {
        teams.update(null, new LambdaUpdateWrapper<MedicalTeam>().set(MedicalTeam::getInviteCode, code)
                .eq(MedicalTeam::getId, get(teamId).getId()));
    }

    /**
     * When the team's daily demand prompt goes out and whether it does.
     *
     * @param wecomWebhookSealed the sealed key of the team's WeCom group robot: empty keeps the current one,
     *                           an empty string removes it
     */
    @Transactional
    public void schedulePrompt(long teamId, java.time.LocalTime promptTime, boolean enabled,
                               java.util.Optional<String> wecomWebhookSealed) {
        LambdaUpdateWrapper<MedicalTeam> update = new LambdaUpdateWrapper<MedicalTeam>()
                .set(MedicalTeam::getPromptTime, promptTime).set(MedicalTeam::getPromptEnabled, enabled)
                .eq(MedicalTeam::getId, get(teamId).getId());
        wecomWebhookSealed.ifPresent(sealed -> update.set(MedicalTeam::getWecomWebhookSealed, sealed.isEmpty() ? null : sealed));
        teams.update(null, update);
    }

    /** Id and name of every team, for pickers (workers of any org may belong to any team). */
    public List<HospitalService.Option> options() {
        return teams.selectAllUnscoped().stream().sorted(java.util.Comparator.comparing(MedicalTeam::getId))
                .map(t -> new HospitalService.Option(t.getId(), t.getName())).toList();
    }

    public TeamView view(long id) {
        return view(get(id), Masks::phone);
    }

    /** The team with its contacts' phones in clear; recorded as a disclosure. */
    @Transactional
    public TeamView reveal(long id, String reason) {
        MedicalTeam team = get(id);
        disclosures.record("MEDICAL_TEAM", id, team.getOrgId(), List.of("CONTACT_PHONES"), reason);
        return view(team, UnaryOperator.identity());
    }

    public PageView<TeamView> list(TeamQuery q, PageQuery paging) {
        LambdaQueryWrapper<MedicalTeam> where = new LambdaQueryWrapper<MedicalTeam>()
                .like(q.keyword() != null && !q.keyword().isBlank(), MedicalTeam::getName, q.keyword())
                .eq(q.status() != null, MedicalTeam::getStatus, q.status())
                .eq(q.aidingHubei() != null, MedicalTeam::getAidingHubei, q.aidingHubei())
                .eq(q.batch() != null, MedicalTeam::getBatch, q.batch())
                .orderByAsc(MedicalTeam::getId);
        Page<MedicalTeam> page = teams.selectPage(Pages.of(paging), where);
        return Pages.view(page)
                .map(t -> view(t, Masks::phone));
    }

    @Transactional
    public MedicalTeam create(SaveTeamRequest r) {
        requireUniqueName(r.name(), null);
        MedicalTeam t = new MedicalTeam();
        apply(t, r);
        teams.insert(t);
        replaceHospitalsAndContacts(t, r);
        auditTrail.record("TEAM_CREATED", "MEDICAL_TEAM", t.getId(), t.getOrgId(), Map.of("name", t.getName()));
        return get(t.getId());
    }

    @Transactional
    public MedicalTeam update(long id, SaveTeamRequest r) {
        MedicalTeam t = get(id);
        if (r.version() == null || !Objects.equals(t.getVersion(), r.version())) {
            throw new DomainException(CommonError.VERSION_CONFLICT);
        }
        requireUniqueName(r.name(), id);
        apply(t, r);
        if (teams.updateById(t) == 0) {
            throw new DomainException(CommonError.VERSION_CONFLICT);
        }
        replaceHospitalsAndContacts(t, r);
        auditTrail.record("TEAM_UPDATED", "MEDICAL_TEAM", id, t.getOrgId(), Map.of("name", t.getName(), "status", t.getStatus()));
        return get(id);
    }

    private void apply(MedicalTeam t, SaveTeamRequest r) {
        if (r.departureDate() != null && r.returnDate() != null && r.returnDate().isBefore(r.departureDate())) {
            throw DomainException.onField(CommonError.VALIDATION_FAILED, "returnDate", "返回日期不能早于出发日期");
        }
        long orgId = r.orgId() != null ? orgs.get(r.orgId()).getId()
                : t.getOrgId() != null ? t.getOrgId()
                : Jurisdiction.current().map(Jurisdiction::orgId).orElseThrow(() -> new DomainException(CommonError.UNAUTHENTICATED));
        t.setOrgId(orgId);
        t.setName(r.name());
        t.setDestination(r.destination());
        t.setAidingHubei(Boolean.TRUE.equals(r.aidingHubei()));
        t.setBatch(r.batch());
        t.setDepartureDate(r.departureDate());
        t.setReturnDate(r.returnDate());
        t.setStatus(r.status());
    }

    private void replaceHospitalsAndContacts(MedicalTeam t, SaveTeamRequest r) {
        teamHospitals.clear(t.getId());
        Set<Long> hospitalIds = new LinkedHashSet<>(r.hospitalIds() == null ? List.of() : r.hospitalIds());
        for (Long hospitalId : hospitalIds) {
            teamHospitals.add(t.getId(), hospitals.getAnywhere(hospitalId).getId());
        }
        contacts.delete(new LambdaQueryWrapper<TeamContact>().eq(TeamContact::getTeamId, t.getId()));
        for (ContactInput c : r.contacts() == null ? List.<ContactInput>of() : r.contacts()) {
            String phone = Phones.normalise(c.phone());
            TeamContact contact = new TeamContact();
            contact.setTeamId(t.getId());
            contact.setOrgId(t.getOrgId());
            contact.setRole(c.role());
            contact.setName(c.name());
            contact.setPhoneSealed(cipher.seal(phone));
            contact.setPhoneIndex(cipher.blindIndex(phone));
            contacts.insert(contact);
        }
    }

    private TeamView view(MedicalTeam t, UnaryOperator<String> phoneShown) {
        List<TeamView.HospitalRef> hs = teamHospitals.hospitalIds(t.getId()).stream()
                .map(id -> new TeamView.HospitalRef(id, hospitals.getAnywhere(id).getName())).toList();
        List<TeamView.Contact> cs = contacts.selectList(new LambdaQueryWrapper<TeamContact>()
                        .eq(TeamContact::getTeamId, t.getId()).orderByAsc(TeamContact::getId)).stream()
                .map(c -> new TeamView.Contact(c.getId(), c.getRole(), c.getRole().label(), c.getName(),
                        phoneShown.apply(cipher.open(c.getPhoneSealed()))))
                .toList();
        OrgUnit org = orgs.get(t.getOrgId());
        return new TeamView(t.getId(), t.getName(), t.getDestination(), Boolean.TRUE.equals(t.getAidingHubei()), t.getBatch(),
                Batches.label(t.getBatch()), t.getDepartureDate(), t.getReturnDate(), t.getStatus(), t.getStatus().label(),
                t.getOrgId(), org.getName(), hs, cs, t.getVersion());
    }

    private void requireUniqueName(String name, Long exceptId) {
        if (teams.countByNameUnscoped(name, exceptId == null ? -1 : exceptId) > 0) {
            throw DomainException.onField(RegistryError.TEAM_NAME_TAKEN, "name", "已有同名医疗队");
        }
    }
}
