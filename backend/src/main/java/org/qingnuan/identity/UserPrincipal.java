package org.qingnuan.identity;

import org.qingnuan.api.mini.MiniUserView.RoleKind;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The signed-in mini-program user of a request, rebuilt from the database on every request. It is
 * deliberately not a {@code Jurisdiction}: what a user may read is decided by their roles, checked
 * by each feature against the family or team in question.
 */
public record UserPrincipal(long userId, String openId, List<Grant> grants, String sessionId) {

    /** One role: for a FAMILY or MEDICAL_WORKER grant, {@code familyId} is the family they may ask help for. */
    public record Grant(RoleKind role, long subjectId, Long familyId, long orgId) {
    }

    /** Families this user may submit for and follow. */
    public Set<Long> familyIds() {
        return grants.stream().map(Grant::familyId).filter(id -> id != null).collect(Collectors.toSet());
    }

    public boolean actsFor(long familyId) {
        return familyIds().contains(familyId);
    }

    /** The role under which the user acts for the family: FAMILY before MEDICAL_WORKER. */
    public RoleKind roleFor(long familyId) {
        return grants.stream().filter(g -> g.familyId() != null && g.familyId() == familyId)
                .map(Grant::role).min(Enum::compareTo).orElseThrow();
    }
}
