package org.qingnuan.identity;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import org.qingnuan.api.mini.MiniUserView.RoleKind;
import org.qingnuan.audit.AuditTrail;
import org.qingnuan.identity.internal.UserRoleMapper;
import org.qingnuan.identity.internal.WechatUserMapper;
import org.qingnuan.privacy.Masks;
import org.qingnuan.privacy.PersonalDataCipher;
import org.qingnuan.registry.FamilyDirectory;
import org.qingnuan.registry.MedicalTeam;
import org.qingnuan.registry.RegistryError;
import org.qingnuan.shared.error.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Map;

/**
 * Staff side of a medical team's mini-program contacts (TEAM_CONTACT, bound with the team's invite code): who
 * they are, and unbinding one. The official account's followers of the team are the prompt feature's.
 */
@Service
public class TeamContactUsers {

    private final UserRoleMapper roles;
    private final WechatUserMapper users;
    private final FamilyDirectory directory;
    private final PersonalDataCipher cipher;
    private final RoleBindings bindings;
    private final AuditTrail auditTrail;

    TeamContactUsers(UserRoleMapper roles, WechatUserMapper users, FamilyDirectory directory, PersonalDataCipher cipher,
                     RoleBindings bindings, AuditTrail auditTrail) {
        this.roles = roles;
        this.users = users;
        this.directory = directory;
        this.cipher = cipher;
        this.bindings = bindings;
        this.auditTrail = auditTrail;
    }

    public List<FamilyInvites.BoundUser> of(long teamId) {
        team(teamId);
        return roles.selectList(new LambdaQueryWrapper<UserRole>().eq(UserRole::getRole, RoleKind.TEAM_CONTACT)
                .eq(UserRole::getSubjectId, teamId).orderByAsc(UserRole::getId)).stream().map(role -> {
            WechatUser user = users.selectById(role.getUserId());
            String phone = user.getPhoneSealed() == null ? null : Masks.phone(cipher.open(user.getPhoneSealed()));
            return new FamilyInvites.BoundUser(user.getId(), role.getRole(), phone, role.getSource().name(), role.getCreatedAt());
        }).toList();
    }

    @Transactional
    public void unbind(long teamId, long userId) {
        MedicalTeam team = team(teamId);
        int removed = roles.delete(new LambdaQueryWrapper<UserRole>().eq(UserRole::getUserId, userId)
                .eq(UserRole::getRole, RoleKind.TEAM_CONTACT).eq(UserRole::getSubjectId, teamId));
        if (removed == 0) {
            throw new DomainException(IdentityError.WECHAT_USER_NOT_BOUND);
        }
        bindings.forget(userId);
        auditTrail.record("TEAM_WECHAT_USER_UNBOUND", "MEDICAL_TEAM", teamId, team.getOrgId(), Map.of("userId", userId));
    }

    private MedicalTeam team(long teamId) {
        return directory.team(teamId).orElseThrow(() -> new DomainException(RegistryError.TEAM_NOT_FOUND));
    }
}
