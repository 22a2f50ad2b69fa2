package org.qingnuan.staff;

import java.time.LocalDateTime;
import java.util.List;

/** A staff account as the staff API shows it (never the password hash). */
public record StaffView(long id, long orgId, String orgName, String username, String displayName,
                        List<StaffRole> roles, List<String> roleLabels, boolean enabled, boolean locked,
                        boolean mustChangePassword, LocalDateTime lastLoginAt, int version) {

    static StaffView of(StaffAccount staff, String orgName, LocalDateTime now) {
        List<StaffRole> roles = List.copyOf(staff.roleSet());
        return new StaffView(staff.getId(), staff.getOrgId(), orgName, staff.getUsername(), staff.getDisplayName(),
                roles, roles.stream().map(StaffRole::label).toList(), Boolean.TRUE.equals(staff.getEnabled()),
                staff.isLockedAt(now), Boolean.TRUE.equals(staff.getMustChangePassword()), staff.getLastLoginAt(),
                staff.getVersion());
    }
}
