package org.qingnuan.staff;

import org.qingnuan.api.error.CommonError;
import org.qingnuan.shared.error.DomainException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in staff member of the current request. */
public final class CurrentStaff {

    private CurrentStaff() {
    }

    public static StaffPrincipal require() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof StaffPrincipal principal) {
            return principal;
        }
        throw new DomainException(CommonError.UNAUTHENTICATED);
    }
}
