package org.qingnuan.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.qingnuan.identity.internal.WechatUserMapper;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;

/**
 * Resolves {@code Authorization: Bearer <token>} of the mini-program API to the user, with their
 * roles read afresh, so that a role bound a moment ago counts at once.
 */
class UserTokenFilter extends OncePerRequestFilter {

    static final String SESSION_EXPIRED = UserTokenFilter.class.getName() + ".expired";

    private final UserSessions sessions;
    private final WechatUserMapper users;
    private final RoleBindings roles;

    UserTokenFilter(UserSessions sessions, WechatUserMapper users, RoleBindings roles) {
        this.sessions = sessions;
        this.users = users;
        this.roles = roles;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            sessions.touch(header.substring(7).trim())
                    .flatMap(session -> java.util.Optional.ofNullable(users.selectById(session.subjectId()))
                            .map(user -> new UserPrincipal(user.getId(), user.getOpenId(), roles.grantsOf(user.getId()),
                                    session.sessionId())))
                    .ifPresentOrElse(principal -> SecurityContextHolder.getContext().setAuthentication(
                                    UsernamePasswordAuthenticationToken.authenticated(principal, null,
                                            List.of(new SimpleGrantedAuthority("ROLE_WX_USER")))),
                            () -> request.setAttribute(SESSION_EXPIRED, Boolean.TRUE));
        }
        chain.doFilter(request, response);
    }
}
