package org.qingnuan.staff;

import org.junit.jupiter.api.Test;
import org.qingnuan.org.OrgType;
import org.qingnuan.org.OrgUnit;
import org.qingnuan.testing.Api.Response;
import org.qingnuan.testing.Fixtures;
import org.qingnuan.testing.IntegrationTest;
import org.qingnuan.testing.WechatApiStub;
import org.qingnuan.wechat.CallbackClient;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A staff member binds their own WeChat through the official account and then receives alerts there. */
class StaffWechatIT extends IntegrationTest {

    @Test
    void aStaffMemberBindsWithASixDigitCodeOnceAndCanUnbind() {
        OrgUnit district = fixtures.child(fixtures.city("武汉"), "江汉区" + Fixtures.unique(), OrgType.DISTRICT_LEAGUE);
        String token = api.login(fixtures.staff(district, StaffRole.DISPATCHER).getUsername(), Fixtures.PASSWORD);
        assertThat(api.get("/api/admin/auth/me/wechat-binding", token).body().get("bound").asBoolean()).isFalse();

        Response issued = api.post("/api/admin/auth/me/wechat-binding", token, "");
        String code = issued.body().get("code").asText();
        assertThat(code).matches("\\d{6}");
        assertThat(issued.body().get("instructions").asText()).contains(code);

        String openId = "oStaff" + Fixtures.unique();
        CallbackClient wechat = new CallbackClient(api);
        assertThat(wechat.text(openId, "绑定 " + code).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() ->
                api.get("/api/admin/auth/me/wechat-binding", token).body().get("bound").asBoolean());
        await().atMost(Duration.ofSeconds(5)).until(() ->
                WechatApiStub.get().count("/cgi-bin/message/custom/send", openId) == 1);
        assertThat(WechatApiStub.get().calls("/cgi-bin/message/custom/send").stream()
                .filter(c -> c.body().contains(openId)).findFirst().orElseThrow().body()).contains("已绑定");

        // a code works once
        String stranger = "oStranger" + Fixtures.unique();
        wechat.text(stranger, code);
        await().atMost(Duration.ofSeconds(5)).until(() ->
                WechatApiStub.get().count("/cgi-bin/message/custom/send", stranger) == 1);
        assertThat(WechatApiStub.get().calls("/cgi-bin/message/custom/send").stream()
                .filter(c -> c.body().contains(stranger)).findFirst().orElseThrow().body()).contains("无效或已过期");

        assertThat(api.raw("DELETE", "/api/admin/auth/me/wechat-binding", token, null,
                java.net.http.HttpRequest.BodyPublishers.noBody()).status()).isEqualTo(204);
        assertThat(api.get("/api/admin/auth/me/wechat-binding", token).body().get("bound").asBoolean()).isFalse();
    }
}
