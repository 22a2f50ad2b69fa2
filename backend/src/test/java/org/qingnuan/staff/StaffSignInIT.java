package org.qingnuan.staff;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qingnuan.audit.AuditLog;
import org.qingnuan.audit.internal.AuditLogMapper;
import org.qingnuan.org.OrgUnit;
import org.qingnuan.testing.Api.Response;
import org.qingnuan.testing.Fixtures;
import org.qingnuan.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.util.Map;

import static com.baomidou.mybatisplus.core.toolkit.Wrappers.lambdaQuery;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class StaffSignInIT extends IntegrationTest {

    @Autowired
    AuditLogMapper auditLogs;
    @Autowired
    MockMvc mvc;

    OrgUnit city;
    StaffAccount dispatcher;

    @BeforeEach
    void cityWithDispatcher() {
        city = fixtures.city("登录测试市团委");
        dispatcher = fixtures.staff(city, StaffRole.DISPATCHER);
    }

    @Test
    void shouldSignInAndUseTheTokenAsBearer() {
        Response login = api.post("/api/admin/auth/login", null,
                Map.of("username", dispatcher.getUsername(), "password", Fixtures.PASSWORD));

        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body().get("idleTimeoutSeconds").asLong()).isEqualTo(1800);
        assertThat(login.body().get("absoluteTimeoutSeconds").asLong()).isEqualTo(12 * 3600);
        assertThat(login.raw()).doesNotContain("passwordHash").doesNotContain("$2a$");
        String token = login.body().get("token").asText();

        Response me = api.get("/api/admin/auth/me", token);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().get("username").asText()).isEqualTo(dispatcher.getUsername());
        assertThat(me.body().get("orgId").asLong()).isEqualTo(city.getId());
        assertThat(api.get("/api/admin/auth/me", null).code()).isEqualTo("UNAUTHENTICATED");
        assertThat(api.get("/api/admin/auth/me", "not-a-token").code()).isEqualTo("SESSION_EXPIRED");
    }

    @Test
    void shouldStorePasswordsOnlyAsBcryptHashes() {
        StaffAccount stored = fixtures.reload(dispatcher);
        assertThat(stored.getPasswordHash()).startsWith("$2a$10$").doesNotContain(Fixtures.PASSWORD);
    }

    @Test
    void shouldAnswerTheSameForUnknownUserAndWrongPassword() {
        Response unknown = api.post("/api/admin/auth/login", null, Map.of("username", "nobody-" + Fixtures.unique(), "password", "whatever-123"));
        Response wrong = api.post("/api/admin/auth/login", null, Map.of("username", dispatcher.getUsername(), "password", "wrong-password"));

        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.code()).isEqualTo("BAD_CREDENTIALS").isEqualTo(wrong.code());
        assertThat(unknown.body().get("message")).isEqualTo(wrong.body().get("message"));
    }

    @Test
    void shouldLockTheAccountForFifteenMinutesAfterFiveWrongPasswords() {
        for (int i = 1; i <= 4; i++) {
            assertThat(login(dispatcher, "wrong-password").code()).as("attempt %d", i).isEqualTo("BAD_CREDENTIALS");
        }
        Response fifth = login(dispatcher, "wrong-password");
        assertThat(fifth.status()).isEqualTo(401);
        assertThat(fifth.code()).isEqualTo("ACCOUNT_LOCKED");
        assertThat(fifth.body().get("message").asText()).contains("15 分钟");

        // even the right password is refused while locked
        assertThat(login(dispatcher, Fixtures.PASSWORD).code()).isEqualTo("ACCOUNT_LOCKED");
        clock.advance(Duration.ofMinutes(14));
        assertThat(login(dispatcher, Fixtures.PASSWORD).code()).isEqualTo("ACCOUNT_LOCKED");
        clock.advance(Duration.ofMinutes(2));
        assertThat(login(dispatcher, Fixtures.PASSWORD).status()).isEqualTo(200);

        assertThat(auditLogs.selectCount(lambdaQuery(AuditLog.class)
                .eq(AuditLog::getTargetId, dispatcher.getId()).eq(AuditLog::getAction, "LOGIN_FAILED"))).isEqualTo(5);
        assertThat(auditLogs.selectCount(lambdaQuery(AuditLog.class)
                .eq(AuditLog::getTargetId, dispatcher.getId()).eq(AuditLog::getAction, "ACCOUNT_LOCKED"))).isEqualTo(1);
        assertThat(fixtures.reload(dispatcher).getFailedLoginCount()).isZero();
    }

    @Test
    void shouldStartCountingAfreshWhenTheLockHasRunOut() {
        for (int i = 0; i < 5; i++) {
            login(dispatcher, "wrong-password");
        }
        clock.advance(Duration.ofMinutes(16));
        assertThat(login(dispatcher, "wrong-password").code()).isEqualTo("BAD_CREDENTIALS");
        assertThat(login(dispatcher, Fixtures.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void shouldExpireATokenAfterThirtyMinutesUnused() {
        String token = api.login(dispatcher.getUsername(), Fixtures.PASSWORD);
        clock.advance(Duration.ofMinutes(29));
        assertThat(api.get("/api/admin/auth/me", token).status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(29));
        assertThat(api.get("/api/admin/auth/me", token).status()).as("used 29 minutes ago").isEqualTo(200);
        clock.advance(Duration.ofMinutes(31));

        Response expired = api.get("/api/admin/auth/me", token);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.code()).isEqualTo("SESSION_EXPIRED");
        assertThat(expired.body().get("message").asText()).contains("重新登录");
    }

    @Test
    void shouldExpireATokenTwelveHoursAfterSignInEvenWhenInUse() {
        String token = api.login(dispatcher.getUsername(), Fixtures.PASSWORD);
        for (int i = 0; i < 24; i++) {
            clock.advance(Duration.ofMinutes(29));
            assertThat(api.get("/api/admin/auth/me", token).status()).isEqualTo(200);
        }
        // 11 h 36 min so far
        clock.advance(Duration.ofMinutes(25));
        assertThat(api.get("/api/admin/auth/me", token).code()).isEqualTo("SESSION_EXPIRED");
    }

    @Test
    void shouldRevokeTheTokenOnLogout() {
        String token = api.login(dispatcher.getUsername(), Fixtures.PASSWORD);
        String otherDevice = api.login(dispatcher.getUsername(), Fixtures.PASSWORD);

        assertThat(api.post("/api/admin/auth/logout", token, "").status()).isEqualTo(204);

        Response revoked = api.get("/api/admin/auth/me", token);
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.code()).as("ended on purpose, not run out").isEqualTo("SESSION_REVOKED");
        assertThat(revoked.body().get("message").asText()).contains("退出登录");
        assertThat(api.get("/api/admin/auth/me", otherDevice).status()).isEqualTo(200);
    }

    @Test
    void shouldRequireANewPasswordAfterAnAdministratorResetIt() {
        StaffAccount admin = fixtures.staff(city, StaffRole.ORG_ADMIN);
        String adminToken = api.login(admin.getUsername(), Fixtures.PASSWORD);
        String oldToken = api.login(dispatcher.getUsername(), Fixtures.PASSWORD);

        assertThat(api.post("/api/admin/staff/" + dispatcher.getId() + "/password", adminToken,
                Map.of("newPassword", "temporary-pass-1")).status()).isEqualTo(204);

        assertThat(api.get("/api/admin/auth/me", oldToken).code()).as("reset signs out everywhere").isEqualTo("SESSION_REVOKED");
        String token = api.login(dispatcher.getUsername(), "temporary-pass-1");
        assertThat(api.get("/api/admin/auth/me", token).body().get("mustChangePassword").asBoolean()).isTrue();
        Response blocked = api.get("/api/admin/orgs/tree", token);
        assertThat(blocked.status()).isEqualTo(403);
        assertThat(blocked.code()).isEqualTo("PASSWORD_CHANGE_REQUIRED");

        Response tooShort = api.post("/api/admin/auth/password", token,
                Map.of("currentPassword", "temporary-pass-1", "newPassword", "short"));
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.fieldError("newPassword")).contains("10");
        assertThat(api.post("/api/admin/auth/password", token,
                Map.of("currentPassword", "wrong-current", "newPassword", "my-own-password-1")).code())
                .isEqualTo("CURRENT_PASSWORD_WRONG");
        assertThat(api.post("/api/admin/auth/password", token,
                Map.of("currentPassword", "temporary-pass-1", "newPassword", "my-own-password-1")).status()).isEqualTo(204);

        assertThat(api.get("/api/admin/orgs/tree", token).status()).isEqualTo(200);
        assertThat(api.login(dispatcher.getUsername(), "my-own-password-1")).isNotBlank();
    }

    @Test
    void shouldSignOutADisabledAccountEverywhereAndRefuseItsSignIn() {
        StaffAccount admin = fixtures.staff(city, StaffRole.ORG_ADMIN);
        String adminToken = api.login(admin.getUsername(), Fixtures.PASSWORD);
        String token = api.login(dispatcher.getUsername(), Fixtures.PASSWORD);

        assertThat(api.post("/api/admin/staff/" + dispatcher.getId() + "/disable", adminToken, "").status()).isEqualTo(200);

        assertThat(api.get("/api/admin/auth/me", token).code()).isEqualTo("SESSION_REVOKED");
        assertThat(login(dispatcher, Fixtures.PASSWORD).code()).isEqualTo("ACCOUNT_DISABLED");
    }

    @Test
    void shouldAnswer429ToAnAddressWithTooManyFailedSignIns() throws Exception {
        String address = "203.0.113." + (Math.abs(Fixtures.unique().hashCode()) % 250 + 1);
        for (int i = 0; i < 20; i++) {
            mvc.perform(post("/api/admin/auth/login").with(r -> {
                        r.setRemoteAddr(address);
                        return r;
                    }).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"username\":\"nobody-" + i + "\",\"password\":\"guess-guess-" + i + "\"}"))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(post("/api/admin/auth/login").with(r -> {
                    r.setRemoteAddr(address);
                    return r;
                }).contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + dispatcher.getUsername() + "\",\"password\":\"" + Fixtures.PASSWORD + "\"}"))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.code").value("LOGIN_RATE_LIMITED"))
                .andExpect(jsonPath("$.traceId").isNotEmpty());

        // other addresses are not affected
        assertThat(login(dispatcher, Fixtures.PASSWORD).status()).isEqualTo(200);
    }

    private Response login(StaffAccount staff, String password) {
        return api.post("/api/admin/auth/login", null, Map.of("username", staff.getUsername(), "password", password));
    }
}
