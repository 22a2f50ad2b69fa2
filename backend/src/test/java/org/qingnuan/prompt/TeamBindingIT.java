package org.qingnuan.prompt;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qingnuan.org.OrgUnit;
import org.qingnuan.staff.StaffRole;
import org.qingnuan.testing.Api.Response;
import org.qingnuan.testing.Fixtures;
import org.qingnuan.testing.IntegrationTest;
import org.qingnuan.testing.WechatApiStub;
import org.qingnuan.wechat.CallbackClient;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Team leads bind their WeChat to their team through the official account; staff see who is bound. */
class TeamBindingIT extends IntegrationTest {

    String admin;
    String siblingAdmin;
    long teamId;
    CallbackClient wechat;

    @BeforeEach
    void teamWithInviteCode() {
        OrgUnit city = fixtures.city("绑定市");
        admin = api.login(fixtures.staff(city, StaffRole.ORG_ADMIN).getUsername(), Fixtures.PASSWORD);
        siblingAdmin = api.login(fixtures.staff(fixtures.city("邻近市"), StaffRole.ORG_ADMIN).getUsername(), Fixtures.PASSWORD);
        teamId = api.post("/api/admin/medical-teams", admin, Map.of("name", "绑定测试医疗队" + Fixtures.unique(),
                "destination", "湖北武汉", "status", "DEPLOYED")).body().get("id").asLong();
        wechat = new CallbackClient(api);
    }

    @Test
    void shouldBindByQrSceneAndByInviteCodeAndShowStaffWhoIsBound() {
        Response issued = api.post("/api/admin/medical-teams/" + teamId + "/invite-code", admin, "");
        assertThat(issued.status()).isEqualTo(200);
        String code = issued.body().get("inviteCode").asText();
        assertThat(code).matches("[A-HJ-KM-NP-Z2-9]{8}");
        assertThat(issued.body().get("qrScene").asText()).isEqualTo("team:" + code);
        // the real WxJava client asked the WeChat stub for a permanent QR code with that scene
        assertThat(issued.body().get("qrCodeUrl").asText()).contains("/cgi-bin/showqrcode?ticket=");
        assertThat(WechatApiStub.get().calls("/cgi-bin/qrcode/create")).anySatisfy(call -> {
            assertThat(call.body()).contains("QR_LIMIT_STR_SCENE").contains("team:" + code);
            assertThat(call.query()).contains("access_token=stub-token-");
        });
        // (the token itself may already be in Redis from an earlier call of this run)
        int tokensFetched = WechatApiStub.get().calls("/cgi-bin/stable_token").size();

        String lead = "oLead" + ThreadLocalRandom.current().nextInt(1_000_000);
        String liaison = "oLiaison" + ThreadLocalRandom.current().nextInt(1_000_000);
        assertThat(wechat.scan(lead, "team:" + code).status()).isEqualTo(200);
        assertThat(wechat.text(liaison, "绑定 " + code.toLowerCase()).status()).isEqualTo(200);
        wechat.scan(lead, "team:" + code); // scanning again changes nothing

        await().atMost(Duration.ofSeconds(5)).until(() -> bindings(admin).size() == 2);
        JsonNode list = bindings(admin);
        // the inbox works on several threads: the scan and the text may be handled in either order
        assertThat(list.findValuesAsText("source")).containsExactlyInAnyOrder("QR_CODE", "INVITE_CODE");
        assertThat(list.findValuesAsText("follower")).allSatisfy(f -> assertThat(f).endsWith("…")
                .doesNotContain(lead).doesNotContain(liaison));

        assertThat(api.get("/api/admin/medical-teams/" + teamId + "/bindings", siblingAdmin).status()).isEqualTo(404);

        // each follower is told, through a customer-service message, which team they joined
        await().atMost(Duration.ofSeconds(5)).until(() -> confirmationsTo(liaison) >= 1);
        // the access token is kept in Redis and reused, not fetched per call
        assertThat(WechatApiStub.get().calls("/cgi-bin/stable_token")).hasSize(tokensFetched);
        assertThat(WechatApiStub.get().calls("/cgi-bin/message/custom/send")).anySatisfy(call ->
                assertThat(call.body()).contains(liaison).contains("您已绑定").contains("绑定测试医疗队"));
    }

    @Test
    void shouldShowStaffTheNameAndRoleOfAFollowerWhoSaysWhoTheyAre() {
        long named = api.post("/api/admin/medical-teams", admin, Map.of("name", "具名医疗队" + Fixtures.unique(),
                "destination", "湖北武汉", "status", "DEPLOYED", "contacts", java.util.List.of(
                        Map.of("role", "LEAD", "name", "王领队", "phone", "13800000001"),
                        Map.of("role", "LIAISON", "name", "李联络", "phone", "13800000002")))).body().get("id").asLong();
        String code = api.post("/api/admin/medical-teams/" + named + "/invite-code", admin, "").body().get("inviteCode").asText();
        String lead = "oNamed" + ThreadLocalRandom.current().nextInt(1_000_000);
        String liaison = "oNamed" + ThreadLocalRandom.current().nextInt(1_000_000);
        wechat.text(lead, "绑定 " + code);
        wechat.text(liaison, "绑定 " + code + " 李联络");
        String list = "/api/admin/medical-teams/" + named + "/bindings";
        await().atMost(Duration.ofSeconds(5)).until(() -> api.get(list, admin).body().size() == 2);
        await().atMost(Duration.ofSeconds(5)).until(() -> WechatApiStub.get().calls("/cgi-bin/message/custom/send").stream()
                .anyMatch(c -> c.body().contains(lead) && c.body().contains("我是 您的姓名")));

        wechat.text(lead, "我是 张三");
        await().atMost(Duration.ofSeconds(5)).until(() -> WechatApiStub.get().calls("/cgi-bin/message/custom/send").stream()
                .anyMatch(c -> c.body().contains(lead) && c.body().contains("没有“张三”")));
        wechat.text(lead, "我是王领队");
        await().atMost(Duration.ofSeconds(5)).until(() -> api.get(list, admin).body().findValuesAsText("contactName").size() == 2);
        JsonNode bindings = api.get(list, admin).body();
        assertThat(bindings.findValuesAsText("contactName")).containsExactlyInAnyOrder("王领队", "李联络");
        assertThat(bindings.findValuesAsText("contactRoleLabel")).containsExactlyInAnyOrder("领队", "联络员");
        assertThat(WechatApiStub.get().calls("/cgi-bin/message/custom/send")).anySatisfy(c ->
                assertThat(c.body()).contains(lead).contains("已记下").contains("领队 王领队"));
    }

    private long confirmationsTo(String openId) {
        return WechatApiStub.get().calls("/cgi-bin/message/custom/send").stream()
                .filter(c -> c.body().contains(openId)).count();
    }

    @Test
    void shouldIgnoreUnknownAndRetiredCodes() throws InterruptedException {
        String old = api.post("/api/admin/medical-teams/" + teamId + "/invite-code", admin, "").body().get("inviteCode").asText();
        String fresh = api.post("/api/admin/medical-teams/" + teamId + "/invite-code", admin, "").body().get("inviteCode").asText();
        assertThat(fresh).isNotEqualTo(old);
        wechat.text("oStranger" + ThreadLocalRandom.current().nextInt(1_000_000), "绑定 " + old);
        wechat.text("oStranger" + ThreadLocalRandom.current().nextInt(1_000_000), "ZZZZZZZZ");
        wechat.text("oStranger" + ThreadLocalRandom.current().nextInt(1_000_000), "你好，请问怎么报需求");
        Thread.sleep(1500);
        assertThat(bindings(admin)).isEmpty();

        assertThat(api.post("/api/admin/medical-teams/" + teamId + "/invite-code", siblingAdmin, "").status()).isEqualTo(404);
    }

    private JsonNode bindings(String token) {
        return api.get("/api/admin/medical-teams/" + teamId + "/bindings", token).body();
    }
}
