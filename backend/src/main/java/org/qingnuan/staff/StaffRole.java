package org.qingnuan.staff;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** What a staff member may do, within their jurisdiction. */
public enum StaffRole {
    /** Everything, including granting any role. */
    SUPER_ADMIN("超级管理员"),
    /** Organisations and staff accounts below them; may not grant SUPER_ADMIN. */
    ORG_ADMIN("组织管理员"),
    /** Intake, dispatch and follow-up of help requests. */
    DISPATCHER("派单员"),
    /** Reads only. */
    VIEWER("查看员");

    private final String label;

    StaffRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String authority() {
        return "ROLE_" + name();
    }

    static Set<StaffRole> parse(String stored) {
        if (stored == null || stored.isBlank()) {
            return EnumSet.noneOf(StaffRole.class);
        }
        return Arrays.stream(stored.split(",")).map(String::trim).map(StaffRole::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(StaffRole.class)));
    }

    static String format(Set<StaffRole> roles) {
        return EnumSet.copyOf(roles).stream().map(Enum::name).collect(Collectors.joining(","));
    }
}
