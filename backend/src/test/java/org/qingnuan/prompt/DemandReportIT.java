package org.qingnuan.prompt;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qingnuan.org.OrgUnit;
import org.qingnuan.staff.StaffRole;
import org.qingnuan.testing.Fixtures;
import org.qingnuan.testing.IntegrationTest;
import org.qingnuan.testing.WechatApiStub;
import org.qingnuan.wechat.CallbackClient;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A bound lead replies in plain language; the reply becomes the team's report and is read back. */
class DemandReportIT extends IntegrationTest {

    String admin;
    String siblingAdmin;
    long teamId;
    String teamName;
    CallbackClient wechat;

    @BeforeEach
    void boundLead() {
        OrgUnit city = fixtures.city("需求市");
        admin = api.login(fixtures.staff(city, StaffRole.ORG_ADMIN).getUsername(), Fixtures.PASSWORD);
        siblingAdmin = api.login(fixtures.staff(fixtures.city("别的市"), StaffRole.DISPATCHER).getUsername(), Fixtures.PASSWORD);
        teamName = "需求测试医疗队" + Fixtures.unique();
        teamId = api.post("/api/admin/medical-teams", admin, Map.of("name", teamName, "destination", "湖北武汉",
                "status", "DEPLOYED")).body().get("id").asLong();
        wechat = new CallbackClient(api);
    }

    @Test
    void shouldTurnAPlainLanguageReplyIntoItemsAndReadThemBack() {
        String code = api.post("/api/admin/medical-teams/" + teamId + "/invite-code", admin, "").body().get("inviteCode").asText();
        String lead = "oReporter" + ThreadLocalRandom.current().nextInt(1_000_000);
        wechat.text(lead, "绑定 " + code);
        await().atMost(Duration.ofSeconds(5)).until(() -> api.get("/api/admin/medical-teams/" + teamId + "/bindings", admin)
                .body().size() == 1);

        wechat.text(lead, "需求 N95口罩 200个；防护服 50套；需要心理疏导");
        await().atMost(Duration.ofSeconds(5)).until(() -> reports(admin).size() == 1);
        JsonNode items = reports(admin).get(0).get("items");
        assertThat(items).hasSize(3);
        assertThat(items.get(0).get("name").asText()).isEqualTo("N95口罩");
        assertThat(items.get(0).get("quantity").asInt()).isEqualTo(200);
        assertThat(items.get(0).get("unit").asText()).isEqualTo("个");
        assertThat(items.get(2).get("kind").asText()).isEqualTo("OTHER");
        assertThat(items.get(0).get("deliveredQuantity").asInt()).isZero();

        await().atMost(Duration.ofSeconds(5)).until(() -> WechatApiStub.get().calls("/cgi-bin/message/custom/send").stream()
                .anyMatch(c -> c.body().contains(lead) && c.body().contains("已记录")));
        assertThat(WechatApiStub.get().calls("/cgi-bin/message/custom/send")).anySatisfy(c -> assertThat(c.body())
                .contains(lead).contains(teamName).contains("N95口罩 200个").contains("防护服 50套"));

        assertThat(api.get("/api/admin/medical-teams/" + teamId + "/reports", siblingAdmin).status()).isEqualTo(404);

        // supplies are tracked to fulfilment: how many arrived, from whom
        long masks = items.get(0).get("id").asLong();
        String deliveries = "/api/admin/medical-teams/" + teamId + "/reports/items/" + masks + "/deliveries";
        assertThat(api.post(deliveries, admin, Map.of("quantity", 150, "deliveredBy", "广东省青少年发展基金会"))
                .body().get("deliveredQuantity").asInt()).isEqualTo(150);
        assertThat(api.post(deliveries, admin, Map.of("quantity", 50, "deliveredBy", "爱心车队"))
                .body().get("deliveredQuantity").asInt()).isEqualTo(200);
        assertThat(api.get(deliveries, admin).body()).hasSize(2);
        assertThat(api.post(deliveries, admin, Map.of("quantity", 0, "deliveredBy", "某单位")).fieldError("quantity")).isNotBlank();
        assertThat(api.post("/api/admin/medical-teams/" + teamId + "/reports/items/" + items.get(2).get("id").asLong()
                + "/deliveries", admin, Map.of("quantity", 1, "deliveredBy", "某单位")).status()).isEqualTo(400);
        assertThat(api.post(deliveries, siblingAdmin, Map.of("quantity", 1, "deliveredBy", "越权")).status()).isEqualTo(404);
        assertThat(reports(admin).get(0).get("items").get(0).get("deliveredQuantity").asInt()).isEqualTo(200);
    }

    @Test
    void shouldAskSomeoneNotBoundToBindFirst() {
        String stranger = "oStranger" + ThreadLocalRandom.current().nextInt(1_000_000);
        wechat.text(stranger, "需求 口罩 10个");
        await().atMost(Duration.ofSeconds(5)).until(() -> WechatApiStub.get().calls("/cgi-bin/message/custom/send").stream()
                .anyMatch(c -> c.body().contains(stranger) && c.body().contains("绑定")));
        assertThat(reports(admin)).isEmpty();
    }

    private JsonNode reports(String token) {
        return api.get("/api/admin/medical-teams/" + teamId + "/reports", token).body();
    }
}
