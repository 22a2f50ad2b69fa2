package org.qingnuan.staff;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.qingnuan.api.error.CommonError;
import org.qingnuan.org.OrgService;
import org.qingnuan.org.OrgUnit;
import org.qingnuan.shared.error.ErrorResponses;
import org.qingnuan.shared.error.Outages;
import org.qingnuan.shared.session.SignInFailures;
import org.qingnuan.staff.internal.StaffAccountMapper;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves {@code Authorization: Bearer <token>} to the staff member, reading their account and
 * organisation afresh on every request so that a disabled account or changed role takes effect at
 * once. A dead token leaves the request anonymous; the entry point then answers 401.
 */
class StaffTokenFilter extends OncePerRequestFilter {

    /** What a staff member whose password was reset may still do before choosing a new one. */
    private static final Set<String> OPEN_WHILE_PASSWORD_MUST_CHANGE = Set.of(
            "/api/admin/auth/me", "/api/admin/auth/password", "/api/admin/auth/logout");

    private final StaffSessions sessions;
    private final StaffAccountMapper staffMapper;
    private final OrgService orgs;
    private final ErrorResponses errors;

    StaffTokenFilter(StaffSessions sessions, StaffAccountMapper staffMapper, OrgService orgs, ErrorResponses errors) {
        this.sessions = sessions;
        this.staffMapper = staffMapper;
        this.orgs = orgs;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = header.substring(7).trim();
            Optional<StaffPrincipal> principal;
            try {
                principal = resolve(token);
            } catch (RuntimeException e) {
                // Redis or the database is down and the session cannot be told: a 503 where a user is needed
                SignInFailures.mark(request, Outages.codeOf(e).orElseThrow(() -> e));
                chain.doFilter(request, response);
                return;
            }
            if (principal.isEmpty()) {
                SignInFailures.mark(request, sessions.revoked(token) ? CommonError.SESSION_REVOKED : CommonError.SESSION_EXPIRED);
            } else {
                StaffPrincipal p = principal.get();
                List<SimpleGrantedAuthority> authorities = p.roles().stream()
                        .map(r -> new SimpleGrantedAuthority(r.authority())).toList();
                SecurityContextHolder.getContext().setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(p, null, authorities));
                if (p.mustChangePassword() && !OPEN_WHILE_PASSWORD_MUST_CHANGE.contains(request.getRequestURI())) {
                    errors.write(response, StaffError.PASSWORD_CHANGE_REQUIRED);
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    private Optional<StaffPrincipal> resolve(String token) {
        if (token.isEmpty() || token.length() > 128) {
            return Optional.empty();
        }
        return sessions.touch(token).flatMap(session -> {
            StaffAccount staff = staffMapper.selectById(session.staffId());
            if (staff == null || !Boolean.TRUE.equals(staff.getEnabled())) {
                sessions.close(session.staffId(), session.sessionId());
                return Optional.empty();
            }
            Optional<OrgUnit> org = orgs.find(staff.getOrgId());
            return org.map(o -> new StaffPrincipal(staff.getId(), staff.getUsername(), staff.getDisplayName(),
                    o.getId(), o.getPath(), staff.roleSet(), Boolean.TRUE.equals(staff.getMustChangePassword()),
                    session.sessionId()));
        });
    }
}
