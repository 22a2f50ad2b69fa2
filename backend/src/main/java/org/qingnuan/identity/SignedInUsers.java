package org.qingnuan.identity;

import org.qingnuan.api.mini.MiniUserView.RoleKind;
import org.qingnuan.identity.internal.WechatUserMapper;
import org.qingnuan.shared.session.TokenSessions;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who a mini-program session belongs to, with their roles. The roles are kept with the session in Redis
 * rather than read from the database on every request (two statements each time); they are dropped from every
 * session of the user the moment a role is bound or taken away, so such a change counts at the next request,
 * and read afresh at least every {@link #FRESH_FOR_MILLIS} for what changes elsewhere (a worker's family
 * registered after the worker bound their phone).
 */
@Component
class SignedInUsers {

    static final long FRESH_FOR_MILLIS = 60_000;
    private static final String FORMAT = "g1";

    private final UserSessions sessions;
    private final WechatUserMapper users;
    private final RoleBindings roles;
    private final Clock clock;

    SignedInUsers(UserSessions sessions, WechatUserMapper users, RoleBindings roles, Clock clock) {
        this.sessions = sessions;
        this.users = users;
        this.roles = roles;
        this.clock = clock;
    }

    Optional<UserPrincipal> principalOf(TokenSessions.Session session) {
        long now = clock.millis();
        UserPrincipal kept = decode(session, now);
        if (kept != null) {
            return Optional.of(kept);
        }
        WechatUser user = users.selectById(session.subjectId());
        if (user == null) {
            return Optional.empty();
        }
        UserPrincipal principal = new UserPrincipal(user.getId(), user.getOpenId(), roles.grantsOf(user.getId()), session.sessionId());
        sessions.attach(session.sessionId(), encode(principal, now));
        return Optional.of(principal);
    }

    /** {@code g1|<read at, ms>|<openId>|ROLE,subjectId,familyId or -,orgId;...} */
    static String encode(UserPrincipal p, long now) {
        StringBuilder out = new StringBuilder(FORMAT).append('|').append(now).append('|').append(p.openId()).append('|');
        for (UserPrincipal.Grant g : p.grants()) {
            out.append(g.role().name()).append(',').append(g.subjectId()).append(',')
                    .append(g.familyId() == null ? "-" : g.familyId().toString()).append(',').append(g.orgId()).append(';');
        }
        return out.toString();
    }

    /** The kept principal, or null when there is none, it is stale, or it cannot be read (then it is read afresh). */
    static UserPrincipal decode(TokenSessions.Session session, long now) {
        String kept = session.attachment();
        if (kept == null || !kept.startsWith(FORMAT + "|")) {
            return null;
        }
        try {
            String[] parts = kept.split("\\|", -1);
            if (parts.length != 4 || now - Long.parseLong(parts[1]) >= FRESH_FOR_MILLIS || parts[2].isEmpty()) {
                return null;
            }
            List<UserPrincipal.Grant> grants = new ArrayList<>();
            for (String grant : parts[3].split(";")) {
                if (grant.isEmpty()) {
                    continue;
                }
                String[] f = grant.split(",");
                grants.add(new UserPrincipal.Grant(RoleKind.valueOf(f[0]), Long.parseLong(f[1]),
                        "-".equals(f[2]) ? null : Long.valueOf(f[2]), Long.parseLong(f[3])));
            }
            return new UserPrincipal(session.subjectId(), parts[2], List.copyOf(grants), session.sessionId());
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
