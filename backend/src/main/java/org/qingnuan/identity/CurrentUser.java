package org.qingnuan.identity;

import org.qingnuan.api.error.CommonError;
import org.qingnuan.shared.error.DomainException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;

/** The mini-program user of the current request. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<UserPrincipal> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof UserPrincipal p ? Optional.of(p) : Optional.empty();
    }

    public static UserPrincipal require() {
        return find().orElseThrow(() -> new DomainException(CommonError.UNAUTHENTICATED));
    }
}
