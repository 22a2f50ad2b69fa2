package org.qingnuan.identity;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import org.qingnuan.api.mini.MiniUserView;
import org.qingnuan.api.mini.MiniUserView.RoleKind;
import org.qingnuan.identity.internal.FamilyInviteMapper;
import org.qingnuan.identity.internal.UserRoleMapper;
import org.qingnuan.registry.Family;
import org.qingnuan.registry.FamilyDirectory;
import org.qingnuan.registry.MedicalTeam;
import org.qingnuan.registry.MedicalWorker;
import org.qingnuan.privacy.Masks;
import org.qingnuan.shared.error.DomainException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which roles a mini-program user holds, and how they come to hold them: a verified phone that the
 * registry knows (a worker's own phone: MEDICAL_WORKER; a family contact phone: FAMILY), a family
 * invite code from staff, or a medical team's invite code (TEAM_CONTACT).
 */
@Service
public class RoleBindings {

    private final UserRoleMapper roles;
    private final FamilyInviteMapper invites;
    private final FamilyDirectory directory;
    private final Clock clock;
    private final UserSessions sessions;
    private final org.qingnuan.audit.AuditTrail auditTrail;

    RoleBindings(UserRoleMapper roles, FamilyInviteMapper invites, FamilyDirectory directory, Clock clock, UserSessions sessions,
                 org.qingnuan.audit.AuditTrail auditTrail) {
        this.sessions = sessions;
        this.auditTrail = auditTrail;
        this.roles = roles;
        this.invites = invites;
        this.directory = directory;
        this.clock = clock;
    }

    public List<UserRole> rolesOf(long userId) {
        return roles.selectList(new LambdaQueryWrapper<UserRole>().eq(UserRole::getUserId, userId).orderByAsc(UserRole::getId));
    }

    /** The grants of a user, with the family each one may act for. */
    public List<UserPrincipal.Grant> grantsOf(long userId) {
        List<UserPrincipal.Grant> grants = new ArrayList<>();
        for (UserRole role : rolesOf(userId)) {
            Long familyId = switch (role.getRole()) {
                case FAMILY -> role.getSubjectId();
                case MEDICAL_WORKER -> directory.familyOfWorker(role.getSubjectId()).map(Family::getId).orElse(null);
                case TEAM_CONTACT, VOLUNTEER -> null;
                case PAIRED -> role.getSubjectId();
            };
            grants.add(new UserPrincipal.Grant(role.getRole(), role.getSubjectId(), familyId, role.getOrgId()));
        }
        return grants;
    }

    /**
     * Ids of users holding a FAMILY or MEDICAL_WORKER role that lets them follow this family, whatever the jurisdiction
     * of whoever asks (a partner unit's staff member moving a referred request cannot see the family's bindings).
     */
    public List<Long> usersActingFor(long familyId) {
        return roles.following(familyId, directory.workerIdOf(familyId).orElse(null));
    }

    /** Binds every role the registry gives this verified phone (held ones stay); returns how many it gives. */
    @Transactional
    public int bindByPhone(long userId, String phone) {
        int matches = 0;
        for (MedicalWorker worker : directory.workersByOwnPhone(phone)) {
            bind(userId, RoleKind.MEDICAL_WORKER, worker.getId(), worker.getOrgId(), UserRole.Source.PHONE);
            matches++;
        }
        for (MedicalWorker worker : directory.workersByFamilyPhone(phone)) {
            Optional<Family> family = directory.familyOfWorker(worker.getId());
            if (family.isPresent()) {
                bind(userId, RoleKind.FAMILY, family.get().getId(), family.get().getOrgId(), UserRole.Source.PHONE);
                matches++;
            }
        }
        return matches;
    }

    /** A family invite code, else a team's invite code. */
    @Transactional
    public RoleKind redeem(long userId, String rawCode) {
        String code = rawCode.trim().toUpperCase(Locale.ROOT);
        FamilyInvite invite = invites.selectOne(new LambdaQueryWrapper<FamilyInvite>().eq(FamilyInvite::getCode, code));
        if (invite != null) {
            redeemFamilyInvite(userId, invite);
            return RoleKind.FAMILY;
        }
        MedicalTeam team = directory.teamByInviteCode(code)
                .orElseThrow(() -> new DomainException(IdentityError.INVITE_CODE_NOT_FOUND));
        bind(userId, RoleKind.TEAM_CONTACT, team.getId(), team.getOrgId(), UserRole.Source.TEAM_INVITE);
        return RoleKind.TEAM_CONTACT;
    }

    /**
     * One use of a family invite: taken with a conditional UPDATE (uses below max_uses, not revoked, not expired),
     * so parallel redemptions of a single-use code bind exactly one user. A user already bound to the family
     * uses nothing.
     */
    private void redeemFamilyInvite(long userId, FamilyInvite invite) {
        if (holds(userId, RoleKind.FAMILY, invite.getFamilyId())) {
            return;
        }
        LocalDateTime now = LocalDateTime.now(clock);
        int taken = invites.update(null, new com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper<FamilyInvite>()
                .setSql("uses = uses + 1").eq(FamilyInvite::getId, invite.getId()).isNull(FamilyInvite::getRevokedAt)
                .gt(FamilyInvite::getExpiresAt, now).apply("uses < max_uses"));
        if (taken != 1) {
            if (invite.getRevokedAt() != null) {
                throw new DomainException(IdentityError.INVITE_CODE_REVOKED);
            }
            if (!invite.getExpiresAt().isAfter(now)) {
                throw new DomainException(IdentityError.INVITE_CODE_EXPIRED);
            }
            FamilyInvite fresh = invites.selectById(invite.getId());
            throw new DomainException(fresh != null && fresh.getRevokedAt() != null
                    ? IdentityError.INVITE_CODE_REVOKED : IdentityError.INVITE_CODE_USED_UP);
        }
        bind(userId, RoleKind.FAMILY, invite.getFamilyId(), invite.getOrgId(), UserRole.Source.FAMILY_INVITE);
        auditTrail.record(null, "FAMILY_INVITE_REDEEMED", "FAMILY", invite.getFamilyId(), invite.getOrgId(),
                Map.of("inviteId", invite.getId(), "userId", userId));
    }

    private boolean holds(long userId, RoleKind kind, long subjectId) {
        return roles.selectCount(new LambdaQueryWrapper<UserRole>().eq(UserRole::getUserId, userId).eq(UserRole::getRole, kind)
                .eq(UserRole::getSubjectId, subjectId)) > 0;
    }

    /** Users holding a role, the first ones (demo pickers). */
    public List<UserRole> holdersOf(RoleKind kind, int limit) {
        return roles.selectList(new LambdaQueryWrapper<UserRole>().eq(UserRole::getRole, kind).orderByAsc(UserRole::getId)
                .last("LIMIT " + limit));
    }

    public Optional<UserRole> holderOf(RoleKind kind, long subjectId) {
        return Optional.ofNullable(roles.selectOne(new LambdaQueryWrapper<UserRole>().eq(UserRole::getRole, kind)
                .eq(UserRole::getSubjectId, subjectId).last("LIMIT 1")));
    }

    /** Takes a role away (a pairing ended). */
    public void unbind(long userId, RoleKind kind, long subjectId) {
        roles.delete(new LambdaQueryWrapper<UserRole>().eq(UserRole::getUserId, userId).eq(UserRole::getRole, kind)
                .eq(UserRole::getSubjectId, subjectId));
        sessions.forgetRoles(userId);
    }

    /** The user's session reloads their roles on the next call (a role was taken away). */
    void forget(long userId) {
        sessions.forgetRoles(userId);
    }

    /** Grants a role once; false when the user already held it. */
    public boolean bind(long userId, RoleKind kind, long subjectId, long orgId, UserRole.Source source) {
        UserRole role = new UserRole();
        role.setUserId(userId);
        role.setRole(kind);
        role.setSubjectId(subjectId);
        role.setOrgId(orgId);
        role.setSource(source);
        try {
            roles.insert(role);
            sessions.forgetRoles(userId);
            return true;
        } catch (DuplicateKeyException alreadyHeld) {
            return false;
        }
    }

    /** The roles as the mini-program shows them. */
    public List<MiniUserView.Role> describe(List<UserPrincipal.Grant> grants) {
        return grants.stream().map(g -> new MiniUserView.Role(g.role(), g.subjectId(), g.familyId(), label(g))).toList();
    }

    private String label(UserPrincipal.Grant grant) {
        return switch (grant.role()) {
            case FAMILY -> directory.family(grant.subjectId()).flatMap(f -> directory.worker(f.getWorkerId()))
                    .map(w -> Masks.name(w.getName()) + " 的家属").orElse("家属");
            case MEDICAL_WORKER -> directory.worker(grant.subjectId())
                    .map(w -> "医护人员 " + Masks.name(w.getName())).orElse("医护人员");
            case TEAM_CONTACT -> directory.team(grant.subjectId()).map(t -> t.getName() + " 联络人").orElse("医疗队联络人");
            case VOLUNTEER -> "志愿者";
            case PAIRED -> directory.family(grant.subjectId()).flatMap(f -> directory.worker(f.getWorkerId()))
                    .map(w -> "结对家庭：" + Masks.name(w.getName()) + " 的家庭").orElse("结对家庭");
        };
    }
}
