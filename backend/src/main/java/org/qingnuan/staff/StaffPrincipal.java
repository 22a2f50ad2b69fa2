package org.qingnuan.staff;

import org.qingnuan.audit.AuditActor;
import org.qingnuan.jurisdiction.Jurisdiction;

import java.util.Set;

/** The signed-in staff member of a request, rebuilt from the database on every request. */
public record StaffPrincipal(long staffId, String username, String displayName, long orgId, String orgPath,
                             Set<StaffRole> roles, boolean mustChangePassword, String sessionId)
        implements Jurisdiction, AuditActor {

    public boolean has(StaffRole role) {
        return roles.contains(role);
    }
}
