package org.qingnuan.prompt;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qingnuan.org.OrgUnit;
import org.qingnuan.staff.StaffRole;
import org.qingnuan.testing.Api.Response;
import org.qingnuan.testing.Fixtures;
import org.qingnuan.testing.IntegrationTest;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A team lead binds in the mini-program with the team's invite code and reports the day's needs there. */
class MiniProgramReportIT extends IntegrationTest {

    String admin;
    long teamId;
    String inviteCode;

    @BeforeEach
    void teamWithInviteCode() {
        OrgUnit city = fixtures.city("武汉");
        admin = api.login(fixtures.staff(city, StaffRole.ORG_ADMIN).getUsername(), Fixtures.PASSWORD);
        teamId = api.post("/api/admin/medical-teams", admin, Map.of("name", "小程序报告医疗队" + Fixtures.unique(),
                "destination", "湖北武汉", "status", "DEPLOYED")).body().get("id").asLong();
        inviteCode = api.post("/api/admin/medical-teams/" + teamId + "/invite-code", admin, "").body().get("inviteCode").asText();
    }

    @Test
    void aLeadBoundByTheTeamsInviteCodeReportsSuppliesWithSpecAndUrgencyAndNeedsInWords() {
        String lead = signIn();
        Response unbound = api.post("/api/mini/teams/" + teamId + "/reports", lead, Map.of("needs", List.of("需要心理疏导")));
        assertThat(unbound.status()).isEqualTo(403);
        assertThat(unbound.code()).isEqualTo("NOT_TEAM_CONTACT");

        Response bound = api.post("/api/mini/me/invites", lead, Map.of("code", inviteCode.toLowerCase()));
        assertThat(bound.status()).as(bound.raw()).isEqualTo(200);
        assertThat(bound.body().get("roles").get(0).get("kind").asText()).isEqualTo("TEAM_CONTACT");
        assertThat(bound.body().get("roles").get(0).get("subjectId").asLong()).isEqualTo(teamId);

        Response reported = api.post("/api/mini/teams/" + teamId + "/reports", lead, Map.of(
                "supplies", List.of(Map.of("name", "N95口罩", "quantity", 200, "unit", "个", "spec", "KN95", "urgency", "URGENT"),
                        Map.of("name", "防护服", "quantity", 50, "unit", "套")),
                "needs", List.of("需要心理疏导")));
        assertThat(reported.status()).as(reported.raw()).isEqualTo(201);
        JsonNode items = reported.body().get("items");
        assertThat(items).hasSize(3);
        assertThat(items.get(0).get("spec").asText()).isEqualTo("KN95");
        assertThat(items.get(0).get("urgency").asText()).isEqualTo("URGENT");
        assertThat(items.get(1).get("urgency").asText()).isEqualTo("NORMAL");
        assertThat(items.get(2).get("kind").asText()).isEqualTo("OTHER");

        JsonNode staffView = api.get("/api/admin/medical-teams/" + teamId + "/reports", admin).body().get(0);
        assertThat(staffView.get("source").asText()).isEqualTo("MINI_PROGRAM");
        assertThat(staffView.get("text").asText()).contains("N95口罩 200个（KN95）").contains("需要心理疏导");
        long itemId = items.get(0).get("id").asLong();
        api.post("/api/admin/medical-teams/" + teamId + "/reports/items/" + itemId + "/deliveries", admin,
                Map.of("quantity", 120, "deliveredBy", "省青少年发展基金会"));
        JsonNode recent = api.get("/api/mini/teams/" + teamId + "/reports", lead).body();
        assertThat(recent.get(0).get("items").get(0).get("delivered").asInt()).isEqualTo(120);
    }

    @Test
    void anEmptyOrMalformedReportIsRefusedWithFieldErrorsAndNothingIsSaved() {
        String lead = signIn();
        api.post("/api/mini/me/invites", lead, Map.of("code", inviteCode));
        Response empty = api.post("/api/mini/teams/" + teamId + "/reports", lead, Map.of());
        assertThat(empty.status()).isEqualTo(400);
        Response zero = api.post("/api/mini/teams/" + teamId + "/reports", lead,
                Map.of("supplies", List.of(Map.of("name", "口罩", "quantity", 0))));
        assertThat(zero.fieldError("supplies[0].quantity")).isNotBlank();
        assertThat(api.get("/api/mini/teams/" + teamId + "/reports", lead).body()).isEmpty();
        Response unknownCode = api.post("/api/mini/me/invites", lead, Map.of("code", "ZZZZ2222"));
        assertThat(unknownCode.status()).isEqualTo(404);
        assertThat(unknownCode.code()).isEqualTo("INVITE_CODE_NOT_FOUND");
    }

    private String signIn() {
        return api.post("/api/mini/auth/login", null, Map.of("code", "code-oLead" + Fixtures.unique())).body().get("token").asText();
    }
}
