package org.qingnuan.identity;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.qingnuan.staff.StaffRole;
import org.qingnuan.testing.Api.Response;
import org.qingnuan.testing.Fixtures;
import org.qingnuan.testing.IntegrationTest;
import org.qingnuan.ticket.FamilyOnMiniProgram;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17, item 5: one family invite code bound any number of WeChat users, and staff could unbind nobody. */
class FamilyInviteIT extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCodeBindsOneUserByDefaultAndStaffCanRevokeListAndUnbind() {
        FamilyOnMiniProgram family = FamilyOnMiniProgram.register(api, fixtures, "武汉", "oFam");
        String staff = family.dispatcherToken;
        String invites = "/api/admin/families/" + family.familyId + "/invites";
        Response issued = api.post(invites, staff, "");
        assertThat(issued.status()).as(issued.raw()).isEqualTo(201);
        assertThat(issued.body().get("maxUses").asInt()).isEqualTo(1);
        String code = issued.body().get("code").asText();

        String first = newUser();
        String second = newUser();
        assertThat(api.post("/api/mini/me/invites", first, Map.of("code", code)).status()).isEqualTo(200);
        assertThat(api.post("/api/mini/me/invites", first, Map.of("code", code)).status()).as("the same user again uses nothing")
                .isEqualTo(200);
        Response passedOn = api.post("/api/mini/me/invites", second, Map.of("code", code));
        assertThat(passedOn.status()).as(passedOn.raw()).isEqualTo(410);
        assertThat(passedOn.code()).isEqualTo("INVITE_CODE_USED_UP");
        assertThat(api.get("/api/mini/me", second).raw()).doesNotContain("\"FAMILY\"");

        // a code for three; revoked after one use
        String three = api.post(invites, staff, Map.of("maxUses", 3)).body().get("code").asText();
        assertThat(api.post("/api/mini/me/invites", second, Map.of("code", three)).status()).isEqualTo(200);
        JsonNode listed = api.get(invites, staff).body();
        JsonNode row = listed.get(0);
        assertThat(row.get("code").asText()).isEqualTo(three.substring(0, 4) + "******");
        assertThat(row.get("uses").asInt()).isEqualTo(1);
        assertThat(row.get("maxUses").asInt()).isEqualTo(3);
        assertThat(row.get("statusLabel").asText()).isEqualTo("可使用");
        assertThat(listed.get(1).get("statusLabel").asText()).isEqualTo("已用完");
        assertThat(api.post(invites + "/" + row.get("id").asLong() + "/revoke", staff, "").status()).isEqualTo(204);
        Response revoked = api.post("/api/mini/me/invites", newUser(), Map.of("code", three));
        assertThat(revoked.code()).isEqualTo("INVITE_CODE_REVOKED");
        assertThat(api.post(invites, staff, Map.of("maxUses", 11)).fieldError("maxUses")).contains("最多");

        // staff unbind the first user: their session loses the family at once
        long firstId = userId(first);
        JsonNode bound = api.get("/api/admin/families/" + family.familyId + "/wechat-users", staff).body();
        assertThat(bound.findValuesAsText("userId")).contains(Long.toString(firstId));
        Response unbound = api.raw("DELETE", "/api/admin/families/" + family.familyId + "/wechat-users/" + firstId, staff, null,
                HttpRequest.BodyPublishers.noBody());
        assertThat(unbound.status()).as(unbound.raw()).isEqualTo(204);
        assertThat(api.get("/api/mini/me", first).raw()).doesNotContain("\"FAMILY\"");
        Response asked = family.submit(api, UUID.randomUUID().toString(), family.request("请帮忙买药"));
        assertThat(asked.status()).as("the phone-bound user is untouched").isEqualTo(201);
        Response notTheirs = api.post("/api/mini/tickets", first, family.request("请帮忙买药"),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(notTheirs.code()).isEqualTo("NOT_YOUR_FAMILY");

        // staff of another city see and touch none of it
        String otherCity = api.login(fixtures.staff(fixtures.city("深圳"), StaffRole.ORG_ADMIN).getUsername(), Fixtures.PASSWORD);
        assertThat(api.raw("DELETE", "/api/admin/families/" + family.familyId + "/wechat-users/" + userId(second), otherCity,
                null, HttpRequest.BodyPublishers.noBody()).status()).isEqualTo(404);

        assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE target_type = 'FAMILY' AND target_id = ?", String.class,
                family.familyId)).contains("FAMILY_INVITE_ISSUED", "FAMILY_INVITE_REDEEMED", "FAMILY_INVITE_REVOKED",
                "FAMILY_WECHAT_USER_UNBOUND");
    }

    @Test
    void tenUsersRacingForACodeOfTwoBindExactlyTwo() throws Exception {
        FamilyOnMiniProgram family = FamilyOnMiniProgram.register(api, fixtures, "武汉", "oFam");
        String code = api.post("/api/admin/families/" + family.familyId + "/invites", family.dispatcherToken, Map.of("maxUses", 2))
                .body().get("code").asText();
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            users.add(newUser());
        }
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Integer> statuses = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> sent = new ArrayList<>();
            for (String user : users) {
                sent.add(pool.submit((Callable<Response>) () -> {
                    start.await();
                    return api.post("/api/mini/me/invites", user, Map.of("code", code));
                }));
            }
            start.countDown();
            for (Future<Response> f : sent) {
                statuses.add(f.get().status());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(2);
        assertThat(statuses).filteredOn(s -> s == 410).hasSize(8);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wx_user_role WHERE role = 'FAMILY' AND subject_id = ?"
                + " AND source = 'FAMILY_INVITE'", Long.class, family.familyId)).isEqualTo(2);
    }

    @Test
    void staffListAndUnbindATeamsMiniProgramContacts() {
        FamilyOnMiniProgram family = FamilyOnMiniProgram.register(api, fixtures, "武汉", "oFam");
        String admin = api.login(fixtures.staff(family.city, StaffRole.ORG_ADMIN).getUsername(), Fixtures.PASSWORD);
        Response team = api.post("/api/admin/medical-teams", admin, Map.of("name", "援鄂医疗队" + Fixtures.unique(),
                "destination", "湖北武汉", "status", "DEPLOYED"));
        assertThat(team.status()).as(team.raw()).isEqualTo(201);
        long teamId = team.body().get("id").asLong();
        String code = api.post("/api/admin/medical-teams/" + teamId + "/invite-code", admin, "").body().get("inviteCode").asText();
        String lead = newUser();
        assertThat(api.post("/api/mini/me/invites", lead, Map.of("code", code)).status()).isEqualTo(200);
        String path = "/api/admin/medical-teams/" + teamId + "/wechat-users";
        JsonNode listed = api.get(path, admin).body();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("role").asText()).isEqualTo("TEAM_CONTACT");
        long leadId = listed.get(0).get("userId").asLong();
        assertThat(api.raw("DELETE", path + "/" + leadId, admin, null, HttpRequest.BodyPublishers.noBody()).status()).isEqualTo(204);
        assertThat(api.get(path, admin).body()).isEmpty();
        assertThat(api.get("/api/mini/me", lead).raw()).doesNotContain("TEAM_CONTACT");
        assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE target_type = 'MEDICAL_TEAM' AND target_id = ?",
                String.class, teamId)).contains("TEAM_WECHAT_USER_UNBOUND");
    }

    private String newUser() {
        return api.post("/api/mini/auth/login", null, Map.of("code", "code-oInv" + Fixtures.unique())).body().get("token").asText();
    }

    private long userId(String token) {
        return api.get("/api/mini/me", token).body().get("userId").asLong();
    }
}
