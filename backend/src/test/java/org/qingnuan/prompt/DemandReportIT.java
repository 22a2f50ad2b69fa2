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

    @Test
    void shouldReadAnyMessageOfABoundLeadAndSayWhatWasNotUnderstood() {
        String lead = newLead();
        wechat.text(lead, "N95口罩 100个");
        await().atMost(Duration.ofSeconds(5)).until(() -> repliesTo(lead).anyMatch(b -> b.contains("已记录") && b.contains("N95口罩 100个")));
        wechat.text(lead, "谢谢你们！");
        await().atMost(Duration.ofSeconds(5)).until(() -> repliesTo(lead).anyMatch(b -> b.contains("没有读到需求")));
        assertThat(reports(admin)).hasSize(1);
        assertThat(reports(admin).get(0).get("items")).hasSize(1);

        String other = newLead();
        wechat.text(other, "护目镜 三十副，好的收到");
        await().atMost(Duration.ofSeconds(5)).until(() -> repliesTo(other).anyMatch(b -> b.contains("已记录")));
        assertThat(repliesTo(other).filter(b -> b.contains("已记录")).findFirst().orElseThrow())
                .contains("护目镜 30副").contains("没有读懂").contains("好的收到").contains("新的一条将替换这一条");
        assertThat(reports(admin).get(0).get("items").get(0).get("quantity").asInt()).isEqualTo(30);
    }

    @Test
    void shouldReplaceTheSameLeadsReportOfTheDayWhenCorrectedAndKeepDeliveries() {
        String lead = newLead();
        wechat.text(lead, "口罩 200个；防护服 50套；需要心理疏导");
        await().atMost(Duration.ofSeconds(5)).until(() -> reports(admin).size() == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> repliesTo(lead).anyMatch(b -> b.contains("已记录")));
        JsonNode first = reports(admin).get(0).get("items");
        long masks = first.get(0).get("id").asLong();
        api.post("/api/admin/medical-teams/" + teamId + "/reports/items/" + masks + "/deliveries", admin,
                Map.of("quantity", 80, "deliveredBy", "基金会"));
        // a second lead of the team reports on their own: their report is not replaced by the first lead's correction
        String liaison = newLead();
        wechat.text(liaison, "消毒液 20瓶");
        await().atMost(Duration.ofSeconds(5)).until(() -> reports(admin).size() == 2);

        wechat.text(lead, "口罩 300个；防护服 60套；护目镜 30副");
        await().atMost(Duration.ofSeconds(5)).until(() -> repliesTo(lead).anyMatch(b -> b.contains("已更正")));
        assertThat(repliesTo(lead).filter(b -> b.contains("已更正")).findFirst().orElseThrow())
                .contains("以这一条为准").contains("替换了您今天").contains("发送的 3 项").contains("现为 3 项");

        JsonNode list = reports(admin);
        assertThat(list).as("the corrected report is left out; the liaison's stays").hasSize(2);
        JsonNode current = list.get(0);
        assertThat(current.get("corrections").asInt()).isEqualTo(1);
        assertThat(current.get("items").findValuesAsText("name")).containsExactly("口罩", "防护服", "护目镜");
        // the delivery recorded against the first report's masks follows the masks
        assertThat(current.get("items").get(0).get("deliveredQuantity").asInt()).isEqualTo(80);
        assertThat(current.get("items").get(0).get("status").asText()).isEqualTo("IN_PROGRESS");
        long newMasks = current.get("items").get(0).get("id").asLong();
        assertThat(api.get("/api/admin/medical-teams/" + teamId + "/reports/items/" + newMasks + "/deliveries", admin).body())
                .hasSize(1);
        assertThat(list.get(1).get("items").findValuesAsText("name")).containsExactly("消毒液");
    }

    @Test
    void shouldShowOverDeliveryAndLetStaffCloseANeedInWords() {
        String lead = newLead();
        wechat.text(lead, "需求 护目镜 200副；需要心理疏导");
        await().atMost(Duration.ofSeconds(5)).until(() -> reports(admin).size() == 1);
        JsonNode items = reports(admin).get(0).get("items");
        String goggles = "/api/admin/medical-teams/" + teamId + "/reports/items/" + items.get(0).get("id").asLong();
        api.post(goggles + "/deliveries", admin, Map.of("quantity", 200, "deliveredBy", "基金会"));
        JsonNode over = api.post(goggles + "/deliveries", admin, Map.of("quantity", 20, "deliveredBy", "爱心企业")).body();
        assertThat(over.get("deliveredQuantity").asInt()).isEqualTo(220);
        assertThat(over.get("overDelivered").asInt()).isEqualTo(20);
        assertThat(over.get("status").asText()).isEqualTo("OVER_DELIVERED");
        assertThat(over.get("statusLabel").asText()).isEqualTo("超量送达");

        String need = "/api/admin/medical-teams/" + teamId + "/reports/items/" + items.get(1).get("id").asLong();
        assertThat(api.post(need + "/deliveries", admin, Map.of("quantity", 1, "deliveredBy", "某单位")).fieldError("quantity"))
                .contains("办结");
        JsonNode closed = api.post(need + "/close", admin, Map.of("note", "已安排心理专家")).body();
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("closeNote").asText()).isEqualTo("已安排心理专家");
        assertThat(api.post(need + "/close", siblingAdmin, Map.of()).status()).isEqualTo(404);
        assertThat(reports(admin).get(0).get("items").get(1).get("statusLabel").asText()).isEqualTo("已办结");
    }

    private String newLead() {
        String code = api.post("/api/admin/medical-teams/" + teamId + "/invite-code", admin, "").body().get("inviteCode").asText();
        String lead = "oReporter" + ThreadLocalRandom.current().nextInt(1_000_000);
        int before = api.get("/api/admin/medical-teams/" + teamId + "/bindings", admin).body().size();
        wechat.text(lead, "绑定 " + code);
        await().atMost(Duration.ofSeconds(5)).until(() -> api.get("/api/admin/medical-teams/" + teamId + "/bindings", admin)
                .body().size() == before + 1);
        return lead;
    }

    private java.util.stream.Stream<String> repliesTo(String openId) {
        return WechatApiStub.get().calls("/cgi-bin/message/custom/send").stream().map(c -> c.body()).filter(b -> b.contains(openId));
    }

    private JsonNode reports(String token) {
        return api.get("/api/admin/medical-teams/" + teamId + "/reports", token).body();
    }
}
