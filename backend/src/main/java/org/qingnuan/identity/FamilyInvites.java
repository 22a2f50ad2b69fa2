package org.qingnuan.identity;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import org.qingnuan.api.mini.MiniUserView.RoleKind;
import org.qingnuan.audit.AuditTrail;
import org.qingnuan.identity.internal.FamilyInviteMapper;
import org.qingnuan.identity.internal.UserRoleMapper;
import org.qingnuan.identity.internal.WechatUserMapper;
import org.qingnuan.privacy.Masks;
import org.qingnuan.privacy.PersonalDataCipher;
import org.qingnuan.registry.Family;
import org.qingnuan.registry.FamilyDirectory;
import org.qingnuan.registry.RegistryError;
import org.qingnuan.shared.error.DomainException;
import org.qingnuan.shared.invite.InviteCodes;
import org.qingnuan.staff.CurrentStaff;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Staff side of family binding: invite codes for a family (single-use unless staff choose a count, revocable),
 * who is bound to it, and unbinding. Every step is audited.
 */
@Service
public class FamilyInvites {

    /** Long enough to read out on the hotline and for the family to get round to it. */
    static final Duration VALIDITY = Duration.ofDays(14);

    private final FamilyInviteMapper invites;
    private final UserRoleMapper roles;
    private final WechatUserMapper users;
    private final FamilyDirectory directory;
    private final PersonalDataCipher cipher;
    private final AuditTrail auditTrail;
    private final Clock clock;
    private final RoleBindings bindings;

    /** Most uses staff may give one code: a household, not a WeChat group. */
    public static final int MAX_USES = 10;

    FamilyInvites(FamilyInviteMapper invites, UserRoleMapper roles, WechatUserMapper users, FamilyDirectory directory,
                  PersonalDataCipher cipher, AuditTrail auditTrail, Clock clock, RoleBindings bindings) {
        this.bindings = bindings;
        this.invites = invites;
        this.roles = roles;
        this.users = users;
        this.directory = directory;
        this.cipher = cipher;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    public record IssuedInvite(long id, long familyId, String code, LocalDateTime expiresAt, int maxUses) {
    }

    /** How many WeChat users the new code may bind (default 1). */
    public record IssueRequest(@jakarta.validation.constraints.Min(value = 1, message = "可绑定人数至少为 1")
                               @jakarta.validation.constraints.Max(value = MAX_USES, message = "可绑定人数最多为 " + MAX_USES)
                               Integer maxUses) {
    }

    /** A code as staff see it later: the code shortened (it was shown in full once, when issued). */
    public record InviteView(long id, String code, int maxUses, int uses, LocalDateTime expiresAt, LocalDateTime revokedAt,
                             LocalDateTime createdAt, String status, String statusLabel) {
    }

    /** A mini-program user bound to the family, phone masked. */
    public record BoundUser(long userId, RoleKind role, String phone, String source, LocalDateTime boundAt) {
    }

    @Transactional
    public IssuedInvite issue(long familyId, Integer maxUses) {
        int uses = maxUses == null ? 1 : maxUses;
        Family family = directory.family(familyId).orElseThrow(() -> new DomainException(RegistryError.FAMILY_NOT_FOUND));
        LocalDateTime expiresAt = LocalDateTime.now(clock).plus(VALIDITY);
        for (int attempt = 0; ; attempt++) {
            FamilyInvite invite = new FamilyInvite();
            invite.setCode(InviteCodes.next(InviteCodes.FAMILY_LENGTH));
            invite.setFamilyId(familyId);
            invite.setOrgId(family.getOrgId());
            invite.setIssuedBy(CurrentStaff.require().staffId());
            invite.setExpiresAt(expiresAt);
            invite.setMaxUses(uses);
            invite.setUses(0);
            try {
                invites.insert(invite);
                auditTrail.record("FAMILY_INVITE_ISSUED", "FAMILY", familyId, family.getOrgId(),
                        Map.of("inviteId", invite.getId(), "maxUses", uses));
                return new IssuedInvite(invite.getId(), familyId, invite.getCode(), expiresAt, uses);
            } catch (DuplicateKeyException collision) {
                if (attempt >= 3) {
                    throw collision;
                }
            }
        }
    }

    /** The family's codes, newest first. */
    public List<InviteView> invites(long familyId) {
        family(familyId);
        LocalDateTime now = LocalDateTime.now(clock);
        return invites.selectList(new LambdaQueryWrapper<FamilyInvite>().eq(FamilyInvite::getFamilyId, familyId)
                .orderByDesc(FamilyInvite::getId).last("LIMIT 50")).stream().map(i -> {
            String status = i.getRevokedAt() != null ? "REVOKED" : i.getUses() >= i.getMaxUses() ? "USED_UP"
                    : !i.getExpiresAt().isAfter(now) ? "EXPIRED" : "ACTIVE";
            String label = switch (status) {
                case "REVOKED" -> "已作废";
                case "USED_UP" -> "已用完";
                case "EXPIRED" -> "已过期";
                default -> "可使用";
            };
            return new InviteView(i.getId(), i.getCode().substring(0, 4) + "******", i.getMaxUses(), i.getUses(),
                    i.getExpiresAt(), i.getRevokedAt(), i.getCreatedAt(), status, label);
        }).toList();
    }

    /** The code stops working at once; users it bound stay bound (unbind them one by one). */
    @Transactional
    public void revoke(long familyId, long inviteId) {
        Family family = family(familyId);
        FamilyInvite invite = invites.selectById(inviteId);
        if (invite == null || !invite.getFamilyId().equals(familyId)) {
            throw new DomainException(IdentityError.INVITE_NOT_FOUND);
        }
        int changed = invites.update(null, new com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper<FamilyInvite>()
                .set(FamilyInvite::getRevokedAt, LocalDateTime.now(clock))
                .set(FamilyInvite::getRevokedBy, CurrentStaff.require().staffId())
                .eq(FamilyInvite::getId, inviteId).isNull(FamilyInvite::getRevokedAt));
        if (changed == 1) {
            auditTrail.record("FAMILY_INVITE_REVOKED", "FAMILY", familyId, family.getOrgId(), Map.of("inviteId", inviteId));
        }
    }

    /**
     * Takes away what this user holds for the family: the FAMILY role, and the MEDICAL_WORKER role of the family's
     * worker. Their session forgets the roles at once. A user bound by a registered phone can bind again by
     * verifying that phone: correct the registry's phone to keep them out.
     */
    @Transactional
    public void unbind(long familyId, long userId) {
        Family family = family(familyId);
        int removed = roles.delete(new LambdaQueryWrapper<UserRole>().eq(UserRole::getUserId, userId).eq(UserRole::getRole, RoleKind.FAMILY)
                .eq(UserRole::getSubjectId, familyId))
                + roles.delete(new LambdaQueryWrapper<UserRole>().eq(UserRole::getUserId, userId)
                .eq(UserRole::getRole, RoleKind.MEDICAL_WORKER).eq(UserRole::getSubjectId, family.getWorkerId()));
        if (removed == 0) {
            throw new DomainException(IdentityError.WECHAT_USER_NOT_BOUND);
        }
        bindings.forget(userId);
        auditTrail.record("FAMILY_WECHAT_USER_UNBOUND", "FAMILY", familyId, family.getOrgId(), Map.of("userId", userId));
    }

    private Family family(long familyId) {
        return directory.family(familyId).orElseThrow(() -> new DomainException(RegistryError.FAMILY_NOT_FOUND));
    }

    public List<BoundUser> boundUsers(long familyId) {
        Family family = directory.family(familyId).orElseThrow(() -> new DomainException(RegistryError.FAMILY_NOT_FOUND));
        List<UserRole> bound = new ArrayList<>(roles.selectList(new LambdaQueryWrapper<UserRole>()
                .eq(UserRole::getRole, RoleKind.FAMILY).eq(UserRole::getSubjectId, familyId)));
        bound.addAll(roles.selectList(new LambdaQueryWrapper<UserRole>()
                .eq(UserRole::getRole, RoleKind.MEDICAL_WORKER).eq(UserRole::getSubjectId, family.getWorkerId())));
        return bound.stream().map(role -> {
            WechatUser user = users.selectById(role.getUserId());
            String phone = user.getPhoneSealed() == null ? null : Masks.phone(cipher.open(user.getPhoneSealed()));
            return new BoundUser(user.getId(), role.getRole(), phone, role.getSource().name(), role.getCreatedAt());
        }).toList();
    }
}
