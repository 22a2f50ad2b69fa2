package org.qingnuan.registry;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import org.qingnuan.org.OrgService;
import org.qingnuan.privacy.Masks;
import org.qingnuan.privacy.PersonalDataCipher;
import org.qingnuan.registry.internal.FamilyMapper;
import org.qingnuan.registry.internal.MedicalTeamMapper;
import org.qingnuan.registry.internal.MedicalWorkerMapper;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The registry as other features look things up in it: who a verified phone number belongs to,
 * a family's registered address and contact phone, a team by its invite code. Reads follow the
 * caller's jurisdiction like every other read (mini-program users and jobs have none).
 */
@Service
public class FamilyDirectory {

    private final MedicalWorkerMapper workers;
    private final FamilyMapper families;
    private final MedicalTeamMapper teams;
    private final PersonalDataCipher cipher;
    private final OrgService orgs;
    private final org.qingnuan.registry.internal.FamilyMemberMapper members;
    private final org.qingnuan.registry.internal.TeamContactMapper contacts;

    FamilyDirectory(MedicalWorkerMapper workers, FamilyMapper families, MedicalTeamMapper teams, PersonalDataCipher cipher,
                    OrgService orgs, org.qingnuan.registry.internal.FamilyMemberMapper members,
                    org.qingnuan.registry.internal.TeamContactMapper contacts) {
        this.members = members;
        this.contacts = contacts;
        this.workers = workers;
        this.families = families;
        this.teams = teams;
        this.cipher = cipher;
        this.orgs = orgs;
    }

    /**
     * The district a family's league stands for (its region, e.g. 江岸区), as shown to volunteers. Kept for a minute:
     * every submission asks it, and a league's region or name changes a few times a year (a rename reaches new
     * requests within {@link #DISTRICT_TTL_MILLIS}, on every instance). An unknown org is not kept.
     */
    public String districtOf(long orgId) {
        long now = System.currentTimeMillis();
        District kept = districts.get(orgId);
        if (kept != null && now - kept.readAt() < DISTRICT_TTL_MILLIS) {
            return kept.name();
        }
        String name = orgs.find(orgId).map(o -> o.getRegion() != null ? o.getRegion() : o.getName()).orElse(null);
        if (name != null) {
            districts.put(orgId, new District(name, now));
        }
        return name;
    }

    private static final long DISTRICT_TTL_MILLIS = 60_000;

    private record District(String name, long readAt) {
    }

    /** Leagues are a few hundred rows: the map stays small without eviction. */
    private final java.util.concurrent.ConcurrentMap<Long, District> districts = new java.util.concurrent.ConcurrentHashMap<>();

    /** A family as a help request needs it: where, and whose. The address and phone are in clear: handle with care. */
    public record FamilyContact(long familyId, long orgId, long workerId, String workerNameMasked, String address,
                                String contactPhone, BigDecimal latitude, BigDecimal longitude) {
    }

    /** Workers whose own phone is this number. */
    public List<MedicalWorker> workersByOwnPhone(String phone) {
        return workers.selectList(new LambdaQueryWrapper<MedicalWorker>()
                .eq(MedicalWorker::getOwnPhoneIndex, cipher.blindIndex(phone)));
    }

    /** Workers whose registered family contact phone is this number. */
    public List<MedicalWorker> workersByFamilyPhone(String phone) {
        return workers.selectList(new LambdaQueryWrapper<MedicalWorker>()
                .eq(MedicalWorker::getFamilyPhoneIndex, cipher.blindIndex(phone)));
    }

    public Optional<Family> familyOfWorker(long workerId) {
        return Optional.ofNullable(families.selectOne(new LambdaQueryWrapper<Family>().eq(Family::getWorkerId, workerId)));
    }

    /** The id of the worker whose family this is, outside any jurisdiction (see {@link FamilyMapper#workerIdOf}). */
    public Optional<Long> workerIdOf(long familyId) {
        return Optional.ofNullable(families.workerIdOf(familyId));
    }

    public Optional<Family> family(long familyId) {
        return Optional.ofNullable(families.selectById(familyId));
    }

    public Optional<MedicalWorker> worker(long workerId) {
        return Optional.ofNullable(workers.selectById(workerId));
    }

    public Optional<MedicalTeam> teamByInviteCode(String code) {
        return Optional.ofNullable(teams.selectOne(new LambdaQueryWrapper<MedicalTeam>().eq(MedicalTeam::getInviteCode, code)));
    }

    public Optional<MedicalTeam> team(long teamId) {
        return Optional.ofNullable(teams.selectById(teamId));
    }

    /** A team's registered leads and liaisons (name and role; the phone stays sealed), in the order entered. */
    public List<TeamContact> contactsOf(long teamId) {
        return contacts.selectList(new LambdaQueryWrapper<TeamContact>().eq(TeamContact::getTeamId, teamId)
                .orderByAsc(TeamContact::getId));
    }

    /** The family with its address and contact phone opened; the contact is the family phone, else the worker's own. */
    public Optional<FamilyContact> contact(long familyId) {
        FamilyMapper.ContactRow row = families.contactOf(familyId);
        return Optional.ofNullable(row).map(r -> new FamilyContact(r.familyId(), r.orgId(), r.workerId(),
                Masks.name(r.workerName()), cipher.open(r.addressSealed()),
                cipher.open(r.familyPhoneSealed() != null ? r.familyPhoneSealed() : r.ownPhoneSealed()),
                r.latitude(), r.longitude()));
    }

    /** The first workers and teams by id, for pickers of demo users. */
    public List<MedicalWorker> firstWorkers(int limit) {
        return workers.selectList(new LambdaQueryWrapper<MedicalWorker>().orderByAsc(MedicalWorker::getId).last("LIMIT " + limit));
    }

    public List<MedicalTeam> firstTeams(int limit) {
        return teams.selectList(new LambdaQueryWrapper<MedicalTeam>().orderByAsc(MedicalTeam::getId).last("LIMIT " + limit));
    }

    public List<FamilyMember> members(long familyId) {
        return members.selectList(new LambdaQueryWrapper<FamilyMember>().eq(FamilyMember::getFamilyId, familyId)
                .orderByAsc(FamilyMember::getId));
    }

    /** Registered families per org (the caller's jurisdiction applies). */
    public java.util.Map<Long, Long> familyCountsByOrg() {
        java.util.Map<Long, Long> counts = new java.util.HashMap<>();
        families.selectList(new LambdaQueryWrapper<Family>().select(Family::getOrgId))
                .forEach(f -> counts.merge(f.getOrgId(), 1L, Long::sum));
        return counts;
    }

    /** A family found by staff, masked: enough to tell the caller apart, nothing more. */
    public record FamilyMatch(long familyId, long workerId, String workerName, String familyPhone, String district,
                              String address) {
    }

    /** Families of the caller's jurisdiction by a phone (own or family contact, exact) or the worker's name (contains). */
    public List<FamilyMatch> search(String query) {
        String q = query == null ? "" : query.trim();
        if (q.isEmpty()) {
            return List.of();
        }
        String phone = org.qingnuan.privacy.Phones.normalise(q);
        List<MedicalWorker> found = new java.util.ArrayList<>();
        if (org.qingnuan.privacy.Phones.isValid(phone)) {
            found.addAll(workersByOwnPhone(phone));
            found.addAll(workersByFamilyPhone(phone));
        } else {
            found.addAll(workers.selectList(new LambdaQueryWrapper<MedicalWorker>().like(MedicalWorker::getName, q)
                    .orderByAsc(MedicalWorker::getId).last("LIMIT 20")));
        }
        return found.stream().distinct().map(w -> familyOfWorker(w.getId()).map(f -> new FamilyMatch(f.getId(), w.getId(),
                        Masks.name(w.getName()),
                        Masks.phone(cipher.open(w.getFamilyPhoneSealed() != null ? w.getFamilyPhoneSealed() : w.getOwnPhoneSealed())),
                        districtOf(f.getOrgId()), f.getAddressSealed() == null ? null : Masks.address(cipher.open(f.getAddressSealed())))))
                .flatMap(java.util.Optional::stream).toList();
    }
}
