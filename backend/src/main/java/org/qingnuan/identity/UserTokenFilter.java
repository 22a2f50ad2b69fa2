package org.qingnuan.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;

/**
 * Resolves {@code Authorization: Bearer <token>} of the mini-program API to the user and their roles
 * ({@link SignedInUsers}: kept with the session, dropped the moment a role is bound or taken away).
 */
class UserTokenFilter extends OncePerRequestFilter {

    static final String SESSION_EXPIRED = UserTokenFilter.class.getName() + ".expired";

    private final UserSessions sessions;
    private final SignedInUsers users;

    UserTokenFilter(UserSessions sessions, SignedInUsers users) {
        this.sessions = sessions;
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            sessions.touch(header.substring(7).trim())
                    .flatMap(users::principalOf)
                    .ifPresentOrElse(principal -> SecurityContextHolder.getContext().setAuthentication(
                                    UsernamePasswordAuthenticationToken.authenticated(principal, null,
                                            List.of(new SimpleGrantedAuthority("ROLE_WX_USER")))),
                            () -> request.setAttribute(SESSION_EXPIRED, Boolean.TRUE));
        }
        chain.doFilter(request, response);
    }
}
