package org.qingnuan.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.qingnuan.api.error.CommonError;
import org.qingnuan.shared.error.Outages;
import org.qingnuan.shared.session.SignInFailures;
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
            String token = header.substring(7).trim();
            try {
                sessions.touch(token)
                        .flatMap(users::principalOf)
                        .ifPresentOrElse(principal -> SecurityContextHolder.getContext().setAuthentication(
                                        UsernamePasswordAuthenticationToken.authenticated(principal, null,
                                                List.of(new SimpleGrantedAuthority("ROLE_WX_USER")))),
                                () -> SignInFailures.mark(request, sessions.revoked(token)
                                        ? CommonError.SESSION_REVOKED : CommonError.SESSION_EXPIRED));
            } catch (RuntimeException e) {
                // Redis or the database is down and the session cannot be told: a 503 where a user is needed
                SignInFailures.mark(request, Outages.codeOf(e).orElseThrow(() -> e));
            }
        }
        chain.doFilter(request, response);
    }
}
