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

/** Staff side of family binding: invite codes for a family, and who is bound to it. */
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

    FamilyInvites(FamilyInviteMapper invites, UserRoleMapper roles, WechatUserMapper users, FamilyDirectory directory,
                  PersonalDataCipher cipher, AuditTrail auditTrail, Clock clock) {
        this.invites = invites;
        this.roles = roles;
        this.users = users;
        this.directory = directory;
        this.cipher = cipher;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    public record IssuedInvite(long familyId, String code, LocalDateTime expiresAt) {
    }

    /** A mini-program user bound to the family, phone masked. */
    public record BoundUser(long userId, RoleKind role, String phone, String source, LocalDateTime boundAt) {
    }

    @Transactional
    public IssuedInvite issue(long familyId) {
        Family family = directory.family(familyId).orElseThrow(() -> new DomainException(RegistryError.FAMILY_NOT_FOUND));
        LocalDateTime expiresAt = LocalDateTime.now(clock).plus(VALIDITY);
        for (int attempt = 0; ; attempt++) {
            FamilyInvite invite = new FamilyInvite();
            invite.setCode(InviteCodes.next(InviteCodes.FAMILY_LENGTH));
            invite.setFamilyId(familyId);
            invite.setOrgId(family.getOrgId());
            invite.setIssuedBy(CurrentStaff.require().staffId());
            invite.setExpiresAt(expiresAt);
            try {
                invites.insert(invite);
                auditTrail.record("FAMILY_INVITE_ISSUED", "FAMILY", familyId, family.getOrgId(), Map.of());
                return new IssuedInvite(familyId, invite.getCode(), expiresAt);
            } catch (DuplicateKeyException collision) {
                if (attempt >= 3) {
                    throw collision;
                }
            }
        }
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
