package org.qingnuan.staff;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.conditions.update.LambdaUpdateWrapper;
import org.qingnuan.audit.AuditActor;
import org.qingnuan.audit.AuditTrail;
import org.qingnuan.shared.error.DomainException;
import org.qingnuan.staff.StaffRequests.LoginRequest;
import org.qingnuan.staff.internal.StaffAccountMapper;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;

/**
 * Staff sign-in and sign-out. Deliberately not one transaction: a failed attempt must stay counted
 * (and logged) even though the call ends in an error. The limits are {@link LoginAttemptGuard}'s; the
 * address is the client's as {@code ClientAddressFilter} resolved it.
 */
@Service
public class LoginService {

    static final String TARGET = "STAFF";
    /** Compared against when the username is unknown, so both cases take as long. */
    private static final String DUMMY_HASH = "$2a$10$L/xtRGyh0MiU.3rjMOHcLOUX1NWZUrj7lxE0t5qk8uviDsxoGGBH.";

    private final StaffAccountMapper mapper;
    private final PasswordEncoder passwordEncoder;
    private final StaffSessions sessions;
    private final LoginAttemptGuard attemptGuard;
    private final AuditTrail auditTrail;
    private final AuthProperties properties;
    private final Clock clock;

    LoginService(StaffAccountMapper mapper, PasswordEncoder passwordEncoder, StaffSessions sessions,
                 LoginAttemptGuard attemptGuard, AuditTrail auditTrail, AuthProperties properties, Clock clock) {
        this.mapper = mapper;
        this.passwordEncoder = passwordEncoder;
        this.sessions = sessions;
        this.attemptGuard = attemptGuard;
        this.auditTrail = auditTrail;
        this.properties = properties;
        this.clock = clock;
    }

    public record LoginResult(String token, StaffAccount staff) {
    }

    public LoginResult login(LoginRequest request, String clientIp) {
        LoginAttemptGuard.Attempt attempt;
        try {
            attempt = attemptGuard.begin(request.username(), clientIp);
        } catch (LoginAttemptGuard.Refused refused) {
            if (refused.refusal == LoginAttemptGuard.Refusal.ADDRESS_LIMIT) {
                throw new DomainException(StaffError.LOGIN_RATE_LIMITED);
            }
            throw locked(refused.until);
        }
        StaffAccount staff = mapper.selectOne(new LambdaQueryWrapper<StaffAccount>()
                .eq(StaffAccount::getUsername, request.username()));
        if (staff == null) {
            passwordEncoder.matches(request.password(), DUMMY_HASH);
            // an unknown username is counted and locked like a known one, so the answers are the same
            throw failed(attempt);
        }
        if (!passwordEncoder.matches(request.password(), staff.getPasswordHash())) {
            auditTrail.record(actor(staff), "LOGIN_FAILED", TARGET, staff.getId(), staff.getOrgId(), Map.of());
            if (attempt.lockedUntil() != null) {
                auditTrail.record(actor(staff), "ACCOUNT_LOCKED", TARGET, staff.getId(), staff.getOrgId(),
                        Map.of("until", LocalDateTime.ofInstant(attempt.lockedUntil(), clock.getZone()).toString()));
            }
            throw failed(attempt);
        }
        attemptGuard.succeeded(attempt);
        if (!Boolean.TRUE.equals(staff.getEnabled())) {
            throw new DomainException(StaffError.ACCOUNT_DISABLED);
        }
        LocalDateTime now = LocalDateTime.now(clock);
        mapper.update(null, new LambdaUpdateWrapper<StaffAccount>()
                .set(StaffAccount::getFailedLoginCount, 0).set(StaffAccount::getLockedUntil, null)
                .set(StaffAccount::getLastLoginAt, now)
                .eq(StaffAccount::getId, staff.getId()));
        String token = sessions.open(staff.getId());
        auditTrail.record(actor(staff), "LOGIN_SUCCEEDED", TARGET, staff.getId(), staff.getOrgId(), Map.of());
        return new LoginResult(token, staff);
    }

    public void logout(StaffPrincipal principal) {
        sessions.close(principal.staffId(), principal.sessionId());
        auditTrail.record(principal, "LOGOUT", TARGET, principal.staffId(), principal.orgId(), Map.of());
    }

    private static AuditActor actor(StaffAccount staff) {
        return AuditActor.of(staff.getId(), staff.getDisplayName());
    }

    private DomainException failed(LoginAttemptGuard.Attempt attempt) {
        return attempt.lockedUntil() == null ? new DomainException(StaffError.BAD_CREDENTIALS) : locked(attempt.lockedUntil());
    }

    /** The same words for a locked pair, an unknown username locked the same way, and the per-account limit. */
    private DomainException locked(Instant until) {
        if (until == null) {
            return new DomainException(StaffError.ACCOUNT_LOCKED);
        }
        long minutes = Math.max(1, (Duration.between(clock.instant(), until).toSeconds() + 59) / 60);
        return new DomainException(StaffError.ACCOUNT_LOCKED,
                "密码连续输错次数过多，已暂停从此网络登录，请 " + minutes + " 分钟后再试，或请管理员重置密码");
    }
}
