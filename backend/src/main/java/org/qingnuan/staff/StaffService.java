package org.qingnuan.staff;

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
import org.qingnuan.shared.error.DomainException;
import org.qingnuan.staff.StaffRequests.ChangePasswordRequest;
import org.qingnuan.staff.StaffRequests.CreateStaffRequest;
import org.qingnuan.staff.StaffRequests.ResetPasswordRequest;
import org.qingnuan.staff.StaffRequests.StaffQuery;
import org.qingnuan.staff.StaffRequests.UpdateStaffRequest;
import org.qingnuan.staff.internal.StaffAccountMapper;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Staff accounts of the caller's jurisdiction: create, edit, disable, reset password, list. */
@Service
public class StaffService {

    private static final String TARGET = LoginService.TARGET;

    private final StaffAccountMapper mapper;
    private final OrgService orgs;
    private final PasswordEncoder passwordEncoder;
    private final StaffSessions sessions;
    private final AuditTrail auditTrail;
    private final Clock clock;

    private final LoginAttemptGuard attemptGuard;

    StaffService(StaffAccountMapper mapper, OrgService orgs, PasswordEncoder passwordEncoder,
                 StaffSessions sessions, AuditTrail auditTrail, LoginAttemptGuard attemptGuard, Clock clock) {
        this.attemptGuard = attemptGuard;
        this.mapper = mapper;
        this.orgs = orgs;
        this.passwordEncoder = passwordEncoder;
        this.sessions = sessions;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    public Optional<StaffAccount> find(long id) {
        return Optional.ofNullable(mapper.selectById(id));
    }

    public StaffAccount get(long id) {
        return find(id).orElseThrow(() -> new DomainException(StaffError.STAFF_NOT_FOUND));
    }

    public StaffView view(long id) {
        StaffAccount staff = get(id);
        return StaffView.of(staff, orgs.get(staff.getOrgId()).getName(), LocalDateTime.now(clock));
    }

    /** View of an account already in hand, e.g. at sign-in, before any jurisdiction applies. */
    public StaffView viewUnscoped(StaffAccount staff) {
        String orgName = orgs.find(staff.getOrgId()).map(OrgUnit::getName).orElse(null);
        return StaffView.of(staff, orgName, LocalDateTime.now(clock));
    }

    public PageView<StaffView> list(StaffQuery query, PageQuery paging) {
        LambdaQueryWrapper<StaffAccount> where = new LambdaQueryWrapper<StaffAccount>()
                .eq(query.enabled() != null, StaffAccount::getEnabled, query.enabled())
                .like(query.role() != null, StaffAccount::getRoles, query.role() == null ? null : query.role().name())
                .and(query.keyword() != null && !query.keyword().isBlank(), w -> w
                        .like(StaffAccount::getUsername, query.keyword()).or()
                        .like(StaffAccount::getDisplayName, query.keyword()))
                .orderByAsc(StaffAccount::getId);
        if (query.orgId() != null) {
            Optional<OrgUnit> org = orgs.find(query.orgId());
            if (org.isEmpty()) {
                // an org outside the jurisdiction narrows the list to nothing, it never widens it
                return new PageView<>(java.util.List.of(), 0, paging.page(), paging.size());
            }
            if (Boolean.FALSE.equals(query.includeSubOrgs())) {
                where.eq(StaffAccount::getOrgId, org.get().getId());
            } else {
                String path = requirePath(org.get().getPath());
                where.inSql(StaffAccount::getOrgId, "SELECT id FROM org_unit WHERE path LIKE '" + path + "%'");
            }
        }
        Page<StaffAccount> page = mapper.selectPage(Pages.of(paging), where);
        Map<Long, String> orgNames = orgs.names(page.getRecords().stream().map(StaffAccount::getOrgId)
                .collect(Collectors.toSet()));
        LocalDateTime now = LocalDateTime.now(clock);
        return Pages.view(page)
                .map(s -> StaffView.of(s, orgNames.get(s.getOrgId()), now));
    }

    @Transactional
    public StaffAccount create(CreateStaffRequest request) {
        OrgUnit org = orgs.get(request.orgId());
        requireMayGrant(request.roles());
        if (mapper.exists(new LambdaQueryWrapper<StaffAccount>().eq(StaffAccount::getUsername, request.username()))) {
            // usernames are unique across the installation, visible or not
            throw DomainException.onField(StaffError.USERNAME_TAKEN, "username", "用户名已被使用");
        }
        StaffAccount staff = new StaffAccount();
        staff.setOrgId(org.getId());
        staff.setUsername(request.username());
        staff.setDisplayName(request.displayName());
        staff.setPasswordHash(passwordEncoder.encode(request.password()));
        staff.assignRoles(request.roles());
        staff.setEnabled(true);
        // an initial password was chosen by someone else: its owner replaces it at first sign-in
        staff.setMustChangePassword(true);
        staff.setFailedLoginCount(0);
        mapper.insert(staff);
        auditTrail.record("STAFF_CREATED", TARGET, staff.getId(), org.getId(),
                Map.of("username", staff.getUsername(), "roles", staff.getRoles()));
        return get(staff.getId());
    }

    @Transactional
    public StaffAccount update(long id, UpdateStaffRequest request) {
        StaffAccount staff = get(id);
        requireManageable(staff);
        if (!Objects.equals(staff.getVersion(), request.version())) {
            throw new DomainException(CommonError.VERSION_CONFLICT);
        }
        Set<StaffRole> before = staff.roleSet();
        boolean rolesChange = !before.equals(request.roles());
        if (rolesChange) {
            if (staff.getId() == CurrentStaff.require().staffId()) {
                throw new DomainException(StaffError.CANNOT_CHANGE_SELF);
            }
            requireMayGrant(request.roles());
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        if (!staff.getDisplayName().equals(request.displayName())) {
            changes.put("displayName", staff.getDisplayName() + " → " + request.displayName());
        }
        if (rolesChange) {
            changes.put("roles", staff.getRoles() + " → " + StaffRole.format(request.roles()));
        }
        staff.setDisplayName(request.displayName());
        staff.assignRoles(request.roles());
        if (mapper.updateById(staff) == 0) {
            throw new DomainException(CommonError.VERSION_CONFLICT);
        }
        auditTrail.record("STAFF_UPDATED", TARGET, id, staff.getOrgId(), changes);
        return get(id);
    }

    @Transactional
    public StaffAccount setEnabled(long id, boolean enabled) {
        StaffAccount staff = get(id);
        requireManageable(staff);
        if (staff.getId() == CurrentStaff.require().staffId()) {
            throw new DomainException(StaffError.CANNOT_CHANGE_SELF);
        }
        mapper.update(null, new LambdaUpdateWrapper<StaffAccount>()
                .set(StaffAccount::getEnabled, enabled).eq(StaffAccount::getId, id));
        auditTrail.record(enabled ? "STAFF_ENABLED" : "STAFF_DISABLED", TARGET, id, staff.getOrgId(), Map.of());
        if (!enabled) {
            sessions.closeAll(id, null);
        }
        return get(id);
    }

    /** An administrator sets a new password; the owner must replace it at next sign-in. Unlocks the account. */
    @Transactional
    public void resetPassword(long id, ResetPasswordRequest request) {
        StaffAccount staff = get(id);
        requireManageable(staff);
        mapper.update(null, new LambdaUpdateWrapper<StaffAccount>()
                .set(StaffAccount::getPasswordHash, passwordEncoder.encode(request.newPassword()))
                .set(StaffAccount::getMustChangePassword, true)
                .set(StaffAccount::getFailedLoginCount, 0)
                .set(StaffAccount::getLockedUntil, null)
                .eq(StaffAccount::getId, id));
        auditTrail.record("STAFF_PASSWORD_RESET", TARGET, id, staff.getOrgId(), Map.of());
        attemptGuard.unlock(staff.getUsername());
        sessions.closeAll(id, null);
    }

    /** The signed-in staff member replaces their own password; their other sessions end. */
    @Transactional
    public void changeOwnPassword(ChangePasswordRequest request) {
        StaffPrincipal me = CurrentStaff.require();
        StaffAccount staff = get(me.staffId());
        if (!passwordEncoder.matches(request.currentPassword(), staff.getPasswordHash())) {
            throw DomainException.onField(StaffError.CURRENT_PASSWORD_WRONG, "currentPassword", "当前密码不正确");
        }
        if (request.newPassword().equals(request.currentPassword())) {
            throw DomainException.onField(CommonError.VALIDATION_FAILED, "newPassword", "新密码不能与当前密码相同");
        }
        mapper.update(null, new LambdaUpdateWrapper<StaffAccount>()
                .set(StaffAccount::getPasswordHash, passwordEncoder.encode(request.newPassword()))
                .set(StaffAccount::getMustChangePassword, false)
                .eq(StaffAccount::getId, staff.getId()));
        auditTrail.record("PASSWORD_CHANGED", TARGET, staff.getId(), staff.getOrgId(), Map.of());
        sessions.closeAll(staff.getId(), me.sessionId());
    }

    private void requireManageable(StaffAccount target) {
        if (target.roleSet().contains(StaffRole.SUPER_ADMIN) && !CurrentStaff.require().has(StaffRole.SUPER_ADMIN)) {
            throw new DomainException(StaffError.ROLE_NOT_GRANTABLE);
        }
    }

    private void requireMayGrant(Set<StaffRole> roles) {
        if (roles.contains(StaffRole.SUPER_ADMIN) && !CurrentStaff.require().has(StaffRole.SUPER_ADMIN)) {
            throw new DomainException(StaffError.ROLE_NOT_GRANTABLE);
        }
    }

    private static String requirePath(String path) {
        if (!Jurisdiction.PATH.matcher(path).matches()) {
            throw new IllegalStateException("Malformed org path");
        }
        return path;
    }
}
