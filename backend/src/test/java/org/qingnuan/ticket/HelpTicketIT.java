package org.qingnuan.ticket;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.qingnuan.notice.SubscribeNotice;
import org.qingnuan.notice.internal.SubscribeNoticeMapper;
import org.qingnuan.staff.StaffRole;
import org.qingnuan.testing.Api.Response;
import org.qingnuan.testing.Fixtures;
import org.qingnuan.testing.IntegrationTest;
import org.qingnuan.testing.OssStub;
import org.qingnuan.testing.WechatApiStub;
import org.qingnuan.ticket.internal.HelpTicketMapper;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class HelpTicketIT extends IntegrationTest {

    @Autowired
    HelpTicketMapper tickets;
    @Autowired
    SubscribeNoticeMapper notices;
    @Autowired
    TicketAutoConfirm autoConfirm;
    @Autowired
    org.qingnuan.notice.FamilyNotices familyNotices;
    @Autowired
    RedissonClient redisson;
    @Autowired
    TicketTextChecks textChecks;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private final WechatApiStub wechat = WechatApiStub.get();

    @Test
    void aFamilySignsInBindsByPhoneAndAsksForHelpThatOnlyItsOwnCitySees() {
        FamilyOnMiniProgram family = FamilyOnMiniProgram.register(api, fixtures, "武汉", "oFam");
        JsonNode me = api.get("/api/mini/me", family.token).body();
        assertThat(me.get("roles").get(0).get("kind").asText()).isEqualTo("FAMILY");
        assertThat(me.get("roles").get(0).get("familyId").asLong()).isEqualTo(family.familyId);
        assertThat(me.get("phone").asText()).contains("****").doesNotContain(family.familyPhone);

        Response noKey = family.submit(api, null, family.request("家里米和油都吃完了，请帮忙买一些"));
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.code()).isEqualTo("IDEMPOTENCY_KEY_REQUIRED");

        Response created = family.submit(api, UUID.randomUUID().toString(), family.request("家里米和油都吃完了，请帮忙买一些"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.body().get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(created.body().get("address").asText()).isEqualTo(family.homeAddress);
        assertThat(created.body().get("district").asText()).isEqualTo(family.district.getRegion());
        assertThat(created.body().get("underReview").asBoolean()).isFalse();
        assertThat(created.body().has("contentCheck")).as("the family view carries no staff fields").isFalse();
        assertThat(created.body().get("history").get(0).get("actor").asText()).isEqualTo("家属");
        long id = FamilyOnMiniProgram.id(created);
        // the 201 is built from the rows just written, none read back: it says exactly what a read says
        assertThat(created.body()).isEqualTo(api.get("/api/mini/tickets/" + id, family.token).body());
        // checked once, right after the 201
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> wechat.count("/wxa/msg_sec_check", family.openId) == 1);

        Response seen = api.get("/api/admin/tickets/" + id, family.dispatcherToken);
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.body().get("address").asText()).isNotEqualTo(family.homeAddress).contains("*");
        assertThat(seen.body().get("contactPhone").asText()).contains("****");

        String otherCity = api.login(fixtures.staff(fixtures.city("深圳"), StaffRole.DISPATCHER).getUsername(), Fixtures.PASSWORD);
        assertThat(api.get("/api/admin/tickets/" + id, otherCity).status()).isEqualTo(404);
        assertThat(api.post("/api/admin/tickets/" + id + "/accept", otherCity, Map.of()).status()).isEqualTo(404);
        assertThat(api.get("/api/admin/tickets", otherCity).body().get("total").asLong()).isZero();
        assertThat(api.get("/api/admin/tickets", family.dispatcherToken).body().get("total").asLong()).isEqualTo(1);

        Response revealed = api.post("/api/admin/tickets/" + id + "/reveal", family.dispatcherToken, Map.of("reason", "电话联系家属确认需求"));
        assertThat(revealed.body().get("address").asText()).isEqualTo(family.homeAddress);
    }

    @Test
    void aUserMayAskOnlyForFamiliesTheirRolesGiveThem() {
        FamilyOnMiniProgram mine = FamilyOnMiniProgram.register(api, fixtures, "武汉", "oFam");
        FamilyOnMiniProgram other = FamilyOnMiniProgram.register(api, fixtures, "孝感", "oFam");
        Map<String, Object> forOther = new HashMap<>(mine.request("请帮忙买菜，家里没有菜了"));
        forOther.put("familyId", other.familyId);
        Response refused = mine.submit(api, UUID.randomUUID().toString(), forOther);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("NOT_YOUR_FAMILY");

        long othersTicket = FamilyOnMiniProgram.id(other.submit(api, UUID.randomUUID().toString(), other.request("请帮忙买菜，家里没有菜了")));
        assertThat(api.get("/api/mini/tickets/" + othersTicket, mine.token).status()).isEqualTo(404);
        assertThat(api.post("/api/mini/tickets/" + othersTicket + "/cancel", mine.token, Map.of()).status()).isEqualTo(404);
        assertThat(api.get("/api/mini/tickets", mine.token).body().get("total").asLong()).isZero();
        assertThat(api.get("/api/mini/tickets", null).code()).isEqualTo("UNAUTHENTICATED");
        assertThat(api.get("/api/mini/tickets", "no-such-token").code()).isEqualTo("SESSION_EXPIRED");
    }

    @Test
    void aRetryReturnsTheSameRequestAndAReusedKeyWithOtherContentIsRefused() {
        FamilyOnMiniProgram family = FamilyOnMiniProgram.register(api, fixtures, "武汉", "oFam");
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = family.request("需要给老人买降压药，家里只剩两天的量");
        Response first = family.submit(api, key, body);
        Response retry = family.submit(api, key, body);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(FamilyOnMiniProgram.id(retry)).isEqualTo(FamilyOnMiniProgram.id(first));
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        // the first answer is made from the row just written, the replay reads it back: the family sees the same
        assertThat(retry.body()).isEqualTo(first.body());

        Response changed = family.submit(api, key, family.request("需要给老人买降压药，家里只剩一天的量"));
        assertThat(changed.status()).isEqualTo(422);
        assertThat(changed.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");

        // the keys live in the database: with Redis flushed (and so every session gone) the retry still finds its request
        redisson.getKeys().flushdb();
        String again = family.signInAgain(api);
        Map<String, String> headers = Map.of("Idempotency-Key", key);
        Response afterFlush = api.post("/api/mini/tickets", again, body, headers);
        assertThat(FamilyOnMiniProgram.id(afterFlush)).isEqualTo(FamilyOnMiniProgram.id(first));
        assertThat(countTickets(family.familyId)).isEqualTo(1);
    }

    @Test
    void fiftyConcurrentDuplicatesCreateExactlyOneRequest() throws Exception {
        FamilyOnMiniProgram family = FamilyOnMiniProgram.register(api, fixtures, "武汉", "oFam");
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = family.request("孩子一个人在家，需要有人帮忙送午饭");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Future<Response>> results = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                results.add(pool.submit((Callable<Response>) () -> {
                    start.await();
                    return family.submit(api, key, body);
                }));
            }
            start.countDown();
            Set<Long> ids = new java.util.HashSet<>();
            for (Future<Response> result : results) {
                Response r = result.get();
                assertThat(r.status()).as(r.raw()).isEqualTo(201);
                ids.add(FamilyOnMiniProgram.id(r));
            }
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(countTickets(family.familyId)).isEqualTo(1);
    }

    @Test
    void theLifecycleMovesOnlyAlongItsTableAndKeepsAHistoryTheFamilyReads() {
        FamilyOnMiniProgram family = FamilyOnMiniProgram.register(api, fixtures, "武汉", "oFam");
        long id = FamilyOnMiniProgram.id(family.submit(api, UUID.randomUUID().toString(), family.request("请帮忙买一袋米和一桶油")));
        String staff = family.dispatcherToken;

        Response early = api.post("/api/mini/tickets/" + id + "/confirm", family.token, Map.of("rating", 5));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.fieldError("status")).isEqualTo("SUBMITTED");

        assertThat(api.post("/api/admin/tickets/" + id + "/accept", staff, Map.of("note", "已电话核实")).body().get("status").asText())
                .isEqualTo("ACCEPTED");
        Response twice = api.post("/api/admin/tickets/" + id + "/accept", staff, Map.of());
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("TICKET_STATE_CONFLICT");
        assertThat(twice.body().get("message").asText()).contains("已受理");

        assertThat(api.post("/api/admin/tickets/" + id + "/complete", staff, Map.of("note", "社区志愿者已送到家门口"))
                .body().get("status").asText()).isEqualTo("DONE");
        Response badRating = api.post("/api/mini/tickets/" + id + "/confirm", family.token, Map.of("rating", 6));
        assertThat(badRating.status()).isEqualTo(400);
        assertThat(badRating.fieldError("rating")).isNotBlank();

        Response confirmed = api.post("/api/mini/tickets/" + id + "/confirm", family.token, Map.of("rating", 5, "comment", "非常感谢"));
        assertThat(confirmed.body().get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(confirmed.body().get("rating").asInt()).isEqualTo(5);
        assertThat(api.post("/api/mini/tickets/" + id + "/cancel", family.token, Map.of()).status()).isEqualTo(409);

        JsonNode history = api.get("/api/mini/tickets/" + id, family.token).body().get("history");
        List<String> steps = new ArrayList<>();
        history.forEach(e -> steps.add(e.get("action").asText() + ":" + e.get("toStatus").asText()));
        assertThat(steps).containsExactly("SUBMIT:SUBMITTED", "ACCEPT:ACCEPTED", "COMPLETE:DONE", "CONFIRM:CONFIRMED");
        assertThat(history.get(1).get("actor").asText()).startsWith("工作人员 ");
        assertThat(history.get(1).get("note").asText()).isEqualTo("已电话核实");
        assertThat(history.get(3).get("actor").asText()).isEqualTo("家属");
    }

    @Test
    void aFamilyCancelsAndStaffRejectsWithReasons() {
        FamilyOnMiniProgram family = FamilyOnMiniProgram.register(api, fixtures, "武汉", "oFam");
        long cancelled = FamilyOnMiniProgram.id(family.submit(api, UUID.randomUUID().toString(), family.request("请帮忙接送孩子去学校")));
        Response cancel = api.post("/api/mini/tickets/" + cancelled + "/cancel", family.token, Map.of("reason", "亲戚已经帮忙了"));
        assertThat(cancel.body().get("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancel.body().get("closeReason").asText()).isEqualTo("CANCELLED_BY_FAMILY");

        long rejected = FamilyOnMiniProgram.id(family.submit(api, UUID.randomUUID().toString(), family.request("请帮忙办理房产过户手续")));
        Response noReason = api.post("/api/admin/tickets/" + rejected + "/reject", family.dispatcherToken, Map.of());
        assertThat(noReason.fieldError("reason")).isNotBlank();
        Response reject = api.post("/api/admin/tickets/" + rejected + "/reject", family.dispatcherToken, Map.of("reason", "不属于关爱服务范围"));
        assertThat(reject.body().get("status").asText()).isEqualTo("REJECTED");
        assertThat(api.get("/api/mini/tickets/" + rejected, family.token).body().get("history").get(1).get("note").asText())
                .isEqualTo("不属于关爱服务范围");
    }

    @Test
    void theTextIsCheckedRightAfterThe201AndRiskyOrDoubtfulTextWaitsForStaffBeforeVolunteersSeeIt() {
        FamilyOnMiniProgram family = FamilyOnMiniProgram.register(api, fixtures, "武汉", "oFam");
        // issue 19: the family does not wait for WeChat; the request is kept and checked after its 201
        Response risky = family.submit(api, UUID.randomUUID().toString(), family.request("这是一段含有违禁内容的求助文字"));
        assertThat(risky.status()).as(risky.raw()).isEqualTo(201);
        long riskyId = FamilyOnMiniProgram.id(risky);
        assertThat(verdictOf(riskyId, family)).as("risky text is kept for staff, not lost").isEqualTo("REVIEW");

        Response review = family.submit(api, UUID.randomUUID().toString(), family.request("这是一段待审的求助文字，请帮忙"));
        long id = FamilyOnMiniProgram.id(review);
        assertThat(verdictOf(id, family)).isEqualTo("REVIEW");
        assertThat(api.get("/api/mini/tickets/" + id, family.token).body().get("underReview").asBoolean()).isTrue();
        assertThat(api.get("/api/admin/tickets?review=true", family.dispatcherToken).body().get("total").asLong()).isEqualTo(2);
        assertThat(api.post("/api/admin/tickets/" + id + "/open", family.dispatcherToken, Map.of()).status()).isEqualTo(409);
        Response accepted = api.post("/api/admin/tickets/" + id + "/accept", family.dispatcherToken, Map.of("note", "已人工审核"));
        assertThat(accepted.body().get("contentCheck").asText()).isEqualTo("CLEARED");
        assertThat(api.post("/api/admin/tickets/" + id + "/open", family.dispatcherToken, Map.of()).body().get("status").asText())
                .isEqualTo("OPEN");

        long fine = FamilyOnMiniProgram.id(family.submit(api, UUID.randomUUID().toString(), family.request("请帮忙买一周的菜")));
        assertThat(verdictOf(fine, family)).isEqualTo("PASS");
    }

    @Test
    void aCheckLostWithItsInstanceIsMadeByTheOverdueScanAndALateVerdictChangesNothingStaffDecided() {
        FamilyOnMiniProgram family = FamilyOnMiniProgram.register(api, fixtures, "武汉", "oFam");
        long lost = FamilyOnMiniProgram.id(family.submit(api, UUID.randomUUID().toString(), family.request("这是一段待审的求助文字")));
        verdictOf(lost, family);
        // as if the instance had stopped between the commit and the check
        jdbc.update("UPDATE help_ticket SET content_check = 'PENDING', status_since = ? WHERE id = ?",
                java.time.LocalDateTime.now(clock).minusMinutes(2), lost);
        assertThat(textChecks.checkOverdue()).isGreaterThanOrEqualTo(1);
        assertThat(verdictOf(lost, family)).as("checked again from the saved text").isEqualTo("REVIEW");

        long read = FamilyOnMiniProgram.id(family.submit(api, UUID.randomUUID().toString(), family.request("请帮忙送药")));
        verdictOf(read, family);
        jdbc.update("UPDATE help_ticket SET content_check = 'PENDING' WHERE id = ?", read);
        Response accepted = api.post("/api/admin/tickets/" + read + "/accept", family.dispatcherToken, Map.of());
        assertThat(accepted.body().get("contentCheck").asText()).as("staff read it").isEqualTo("CLEARED");
        textChecks.check(read, family.openId, "这是一段含有违禁内容的求助文字");
        assertThat(api.get("/api/admin/tickets/" + read, family.dispatcherToken).body().get("contentCheck").asText())
                .as("a verdict arriving after staff's reading changes nothing").isEqualTo("CLEARED");
    }

    /** The request's text check once it has run (it runs after the 201, off the request's thread). */
    private String verdictOf(long ticketId, FamilyOnMiniProgram family) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !"PENDING".equals(
                api.get("/api/admin/tickets/" + ticketId, family.dispatcherToken).body().get("contentCheck").asText()));
        return api.get("/api/admin/tickets/" + ticketId, family.dispatcherToken).body().get("contentCheck").asText();
    }

    @Test
    void aDutyExpertIsCorrectedAndRestoredWithinTheJurisdictionOnly() {
        FamilyOnMiniProgram family = FamilyOnMiniProgram.register(api, fixtures, "武汉", "oFam");
        String phone = org.qingnuan.testing.People.mobile();
        Response added = api.post("/api/admin/duty-experts", family.dispatcherToken,
                Map.of("name", "李心理", "phone", phone, "openId", "oExpertEdit" + Fixtures.unique()));
        long id = added.body().get("id").asLong();
        String otherCity = api.login(fixtures.staff(fixtures.city("深圳"), StaffRole.DISPATCHER).getUsername(), Fixtures.PASSWORD);
        assertThat(api.put("/api/admin/duty-experts/" + id, otherCity, Map.of("name", "改名")).status()).isEqualTo(404);

        // a blank phone keeps the sealed one; the OpenID can be cleared, which stops WeChat alerts
        Response edited = api.put("/api/admin/duty-experts/" + id, family.dispatcherToken,
                Map.of("name", "李主任", "phone", "", "clearOpenId", true));
        assertThat(edited.status()).as(edited.raw()).isEqualTo(200);
        assertThat(edited.body().get("name").asText()).isEqualTo("李主任");
        assertThat(edited.body().get("phone").asText()).isEqualTo(org.qingnuan.privacy.Masks.phone(phone));
        assertThat(edited.body().get("alertsByWechat").asBoolean()).isFalse();
        assertThat(api.put("/api/admin/duty-experts/" + id, family.dispatcherToken, Map.of("name", "李主任", "phone", "12345"))
                .fieldError("phone")).isEqualTo("请填写正确的手机号");

        assertThat(api.raw("DELETE", "/api/admin/duty-experts/" + id, family.dispatcherToken, null,
                java.net.http.HttpRequest.BodyPublishers.noBody()).status()).isEqualTo(204);
        Response restored = api.put("/api/admin/duty-experts/" + id, family.dispatcherToken, Map.of("name", "李主任", "active", true));
        assertThat(restored.body().get("active").asBoolean()).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'DUTY_EXPERT_UPDATED' AND target_id = ?",
                Integer.class, id)).isEqualTo(2);
    }

    @Test
    void aCrisisIsAcceptedAtOnceAndReachesTheDutyExpertAndStaff() {
        FamilyOnMiniProgram family = FamilyOnMiniProgram.register(api, fixtures, "武汉", "oFam");
        String expertOpenId = "oExpert" + Fixtures.unique();
        Response expert = api.post("/api/admin/duty-experts", family.dispatcherToken,
                Map.of("name", "李心理", "phone", org.qingnuan.testing.People.mobile(), "openId", expertOpenId));
        assertThat(expert.status()).as(expert.raw()).isEqualTo(201);

        String staffOpenId = "oStaffAlert" + Fixtures.unique();
        org.qingnuan.staff.StaffAccount districtStaff = fixtures.staff(family.district, StaffRole.DISPATCHER);
        jdbc.update("UPDATE staff_account SET wechat_open_id = ? WHERE id = ?", staffOpenId, districtStaff.getId());
        Map<String, Object> body = new HashMap<>(family.request("孩子妈妈在一线，我一个人带孩子，真的活不下去了"));
        body.put("category", "PSYCHOLOGICAL");
        Response crisis = family.submit(api, UUID.randomUUID().toString(), body);
        assertThat(crisis.body().get("crisis").asBoolean()).as("the family is told a crisis call is coming").isTrue();
        assertThat(crisis.body().get("urgency").asText()).isEqualTo("CRISIS");
        assertThat(crisis.body().get("status").asText()).isEqualTo("ACCEPTED");
        long id = FamilyOnMiniProgram.id(crisis);
        // both steps (SUBMIT, the system's ACCEPT) in the 201 as they were written, as a read shows them
        assertThat(crisis.body().get("history")).hasSize(2);
        assertThat(crisis.body()).isEqualTo(api.get("/api/mini/tickets/" + id, family.token).body());
        assertThat(api.get("/api/admin/tickets/" + id, family.dispatcherToken).body().get("crisis").asBoolean()).isTrue();

        assertThat(wechat.count("/cgi-bin/message/template/send", expertOpenId)).isEqualTo(1);
        assertThat(wechat.count("/cgi-bin/message/template/send", staffOpenId)).as("staff who bound their WeChat").isEqualTo(1);
        assertThat(wechat.calls("/cgi-bin/message/template/send").stream().filter(c -> c.body().contains(expertOpenId))
                .findFirst().orElseThrow().body()).contains("#" + id).doesNotContain(family.homeAddress);
        JsonNode alerts = api.get("/api/admin/alerts", family.dispatcherToken).body();
        assertThat(alerts.get(0).get("ticketId").asLong()).isEqualTo(id);
        assertThat(alerts.get(0).get("kind").asText()).isEqualTo("CRISIS");
        assertThat(api.get("/api/admin/tickets?crisis=true", family.dispatcherToken).body().get("items").get(0).get("id").asLong())
                .isEqualTo(id);
        // accepted by the system, the text was read by no one yet: opening it is the staff member's reading
        Response opened = api.post("/api/admin/tickets/" + id + "/open", family.dispatcherToken, Map.of());
        assertThat(opened.body().get("status").asText()).isEqualTo("OPEN");
        assertThat(opened.body().get("contentCheck").asText()).isIn("PASS", "CLEARED");
        assertThat(opened.body().get("urgencyLabel").asText()).isEqualTo("危急");
        assertThat(opened.body().get("preferredTime")).isNull();
    }

    @Test
    void statusChangesReachTheFamilyOnlyAgainstAConsentAndRefusalIsFinal() {
        FamilyOnMiniProgram family = FamilyOnMiniProgram.register(api, fixtures, "武汉", "oFam");
        long id = FamilyOnMiniProgram.id(family.submit(api, UUID.randomUUID().toString(), family.request("请帮忙买一袋米和一桶油")));
        api.post("/api/admin/tickets/" + id + "/accept", family.dispatcherToken, Map.of());
        // sent off the request's thread: wait for it
        settled(id, SubscribeNotice.Status.NO_CONSENT);
        assertThat(wechat.count("/cgi-bin/message/subscribe/send", family.openId)).isZero();

        Response consent = api.post("/api/mini/me/subscriptions", family.token, Map.of("acceptedTemplateIds", List.of(TICKET_TEMPLATE_ID)));
        assertThat(consent.body().get("remaining").get(TICKET_TEMPLATE_ID).asInt()).isEqualTo(1);
        assertThat(api.post("/api/mini/me/subscriptions", family.token, Map.of("acceptedTemplateIds", List.of("not-ours"))).status())
                .isEqualTo(400);
        api.post("/api/admin/tickets/" + id + "/complete", family.dispatcherToken, Map.of("note", "已送到"));
        settled(id, SubscribeNotice.Status.NO_CONSENT, SubscribeNotice.Status.SENT);
        String sent = wechat.calls("/cgi-bin/message/subscribe/send").stream().filter(c -> c.body().contains(family.openId))
                .findFirst().orElseThrow().body();
        assertThat(sent).contains(TICKET_TEMPLATE_ID).contains("id=" + id);
        // the one consent is spent: the next change is not sent
        api.post("/api/mini/tickets/" + id + "/confirm", family.token, Map.of("rating", 4));
        assertThat(wechat.count("/cgi-bin/message/subscribe/send", family.openId)).isEqualTo(1);

        FamilyOnMiniProgram refusing = FamilyOnMiniProgram.register(api, fixtures, "武汉", "oRefuse");
        api.post("/api/mini/me/subscriptions", refusing.token, Map.of("acceptedTemplateIds", List.of(TICKET_TEMPLATE_ID)));
        long refusedTicket = FamilyOnMiniProgram.id(refusing.submit(api, UUID.randomUUID().toString(), refusing.request("请帮忙买菜和水果")));
        api.post("/api/admin/tickets/" + refusedTicket + "/accept", refusing.dispatcherToken, Map.of());
        settled(refusedTicket, SubscribeNotice.Status.REFUSED);
        clock.advance(Duration.ofHours(2));
        familyNotices.sendDue();
        assertThat(wechat.count("/cgi-bin/message/subscribe/send", refusing.openId)).isEqualTo(1);

        FamilyOnMiniProgram busy = FamilyOnMiniProgram.register(api, fixtures, "武汉", "oBusy");
        api.post("/api/mini/me/subscriptions", busy.token, Map.of("acceptedTemplateIds", List.of(TICKET_TEMPLATE_ID)));
        long busyTicket = FamilyOnMiniProgram.id(busy.submit(api, UUID.randomUUID().toString(), busy.request("请帮忙买菜和水果")));
        api.post("/api/admin/tickets/" + busyTicket + "/accept", busy.dispatcherToken, Map.of());
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(wechat.count("/cgi-bin/message/subscribe/send", busy.openId)).as("tried once, refused for now").isEqualTo(1));
        settled(busyTicket, SubscribeNotice.Status.PENDING);
        familyNotices.sendDue();
        assertThat(wechat.count("/cgi-bin/message/subscribe/send", busy.openId)).as("not before the back-off").isEqualTo(1);
        clock.advance(Duration.ofMinutes(2));
        familyNotices.sendDue();
        assertThat(wechat.count("/cgi-bin/message/subscribe/send", busy.openId)).isEqualTo(2);
        // the consent was given back after each transient failure
        assertThat(api.post("/api/mini/me/subscriptions", busy.token, Map.of("acceptedTemplateIds", List.of(TICKET_TEMPLATE_ID)))
                .body().get("remaining").get(TICKET_TEMPLATE_ID).asInt()).isEqualTo(2);
    }

    @Autowired
    org.springframework.core.env.Environment environment;

    @Test
    void aStatusChangeIsSentRightAfterCommitWithoutWaitingForTheRetryScan() {
        // the retry scan cannot be what sends it here: its first run is an hour after start-up
        assertThat(environment.getProperty("qingnuan.notice.retry-scan", Duration.class)).isGreaterThanOrEqualTo(Duration.ofHours(1));
        FamilyOnMiniProgram family = FamilyOnMiniProgram.register(api, fixtures, "武汉", "oPrompt");
        api.post("/api/mini/me/subscriptions", family.token, Map.of("acceptedTemplateIds", List.of(TICKET_TEMPLATE_ID)));
        long id = FamilyOnMiniProgram.id(family.submit(api, UUID.randomUUID().toString(), family.request("请帮忙买一袋米和一桶油")));
        long before = System.nanoTime();
        assertThat(api.post("/api/admin/tickets/" + id + "/accept", family.dispatcherToken, Map.of()).status()).isEqualTo(200);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> wechat.count("/cgi-bin/message/subscribe/send", family.openId) == 1);
        assertThat(Duration.ofNanos(System.nanoTime() - before)).as("sent within seconds of the move").isLessThan(Duration.ofSeconds(5));
        settled(id, SubscribeNotice.Status.SENT);
        assertThat(notices.selectList(new LambdaQueryWrapper<SubscribeNotice>().eq(SubscribeNotice::getTicketId, id)).get(0)
                .getAttempts()).as("one attempt, the one after commit").isEqualTo(1);
    }

    @Test
    void aPreferredTimeThatIsOverAndAnUnknownCategoryAreRefusedInWordsAFamilyUnderstands() {
        FamilyOnMiniProgram family = FamilyOnMiniProgram.register(api, fixtures, "武汉", "oPast");
        Map<String, Object> past = new java.util.HashMap<>(family.request("请帮忙买一袋米和一桶油"));
        java.time.LocalDateTime now = java.time.LocalDateTime.now(clock);
        past.put("preferredTime", Map.of("start", now.minusDays(1).withNano(0).toString(), "end", now.minusHours(20).withNano(0).toString()));
        Response refused = family.submit(api, UUID.randomUUID().toString(), past);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.fieldError("preferredTime.end")).contains("已经过去");
        // a window that has begun but not ended is fine
        past.put("preferredTime", Map.of("start", now.minusHours(1).withNano(0).toString(), "end", now.plusHours(2).withNano(0).toString()));
        assertThat(family.submit(api, UUID.randomUUID().toString(), past).status()).isEqualTo(201);
        // the hotline intake refuses it as well
        Map<String, Object> intake = new java.util.HashMap<>(Map.of("familyId", family.familyId, "channel", "HOTLINE_12355",
                "category", "SUPPLIES", "description", "电话求助：家里缺米", "contactMethod", "PHONE_CALL",
                "preferredTime", Map.of("start", now.minusDays(2).withNano(0).toString(), "end", now.minusDays(1).withNano(0).toString())));
        assertThat(api.post("/api/admin/tickets/intake", family.dispatcherToken, intake, Map.of("Idempotency-Key", UUID.randomUUID().toString()))
                .fieldError("preferredTime.end")).contains("已经过去");

        Map<String, Object> unknown = new java.util.HashMap<>(family.request("请帮忙买一袋米和一桶油"));
        unknown.put("category", "GROCERIES");
        Response wrong = family.submit(api, UUID.randomUUID().toString(), unknown);
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.fieldError("category")).contains("生活物资").contains("心理疏导").doesNotContain("SUPPLIES")
                .doesNotContain("PSYCHOLOGICAL");
        assertThat(api.get("/api/admin/tickets?category=GROCERIES", family.dispatcherToken).fieldError("category"))
                .contains("生活物资").doesNotContain("SUPPLIES");
    }

    @Test
    void aMessageLeftSendingByAnInstanceThatDiedIsSentByTheNextSweep() {
        FamilyOnMiniProgram family = FamilyOnMiniProgram.register(api, fixtures, "武汉", "oFam");
        long userId = api.get("/api/mini/me", family.token).body().get("userId").asLong();
        api.post("/api/mini/me/subscriptions", family.token, Map.of("acceptedTemplateIds", List.of(TICKET_TEMPLATE_ID)));
        long id = FamilyOnMiniProgram.id(family.submit(api, UUID.randomUUID().toString(), family.request("请帮忙买一袋米和一桶油")));
        SubscribeNotice stuck = new SubscribeNotice();
        stuck.setUserId(userId);
        stuck.setTicketId(id);
        stuck.setTemplateId(TICKET_TEMPLATE_ID);
        stuck.setPage("pages/tickets/detail?id=" + id);
        stuck.setDataJson("{\"phrase2\":\"已受理\"}");
        stuck.setStatus(SubscribeNotice.Status.SENDING);
        stuck.setAttempts(1);
        stuck.setNextAttemptAt(java.time.LocalDateTime.now(clock));
        notices.insert(stuck);
        familyNotices.sendDue();
        assertThat(notices.selectById(stuck.getId()).getStatus()).as("not yet: it may still be sending").isEqualTo(SubscribeNotice.Status.SENDING);
        clock.advance(Duration.ofMinutes(3));
        familyNotices.sendDue();
        assertThat(notices.selectById(stuck.getId()).getStatus()).isEqualTo(SubscribeNotice.Status.SENT);
        assertThat(wechat.count("/cgi-bin/message/subscribe/send", family.openId)).isEqualTo(1);
    }

    @Test
    void aRequestDoneAndNotConfirmedFor72HoursIsConfirmedBySystem() {
        FamilyOnMiniProgram family = FamilyOnMiniProgram.register(api, fixtures, "武汉", "oFam");
        long id = FamilyOnMiniProgram.id(family.submit(api, UUID.randomUUID().toString(), family.request("请帮忙买一袋米和一桶油")));
        api.post("/api/admin/tickets/" + id + "/accept", family.dispatcherToken, Map.of());
        api.post("/api/admin/tickets/" + id + "/complete", family.dispatcherToken, Map.of("note", "已送到"));
        clock.advance(Duration.ofHours(71));
        autoConfirm.run();
        assertThat(tickets.selectById(id).getStatus().name()).isEqualTo("DONE");
        clock.advance(Duration.ofHours(2));
        assertThat(autoConfirm.run()).isGreaterThanOrEqualTo(1);
        // three days later the family's session has expired: they sign in again
        JsonNode view = api.get("/api/mini/tickets/" + id, family.signInAgain(api)).body();
        assertThat(view.get("status").asText()).isEqualTo("CONFIRMED");
        JsonNode last = view.get("history").get(view.get("history").size() - 1);
        assertThat(last.get("action").asText()).isEqualTo("AUTO_CONFIRM");
        assertThat(last.get("actor").asText()).isEqualTo("系统");
    }

    @Test
    void photosGoToStorageUnderTheUsersOwnPrefixAndAreShownBySignedUrls() {
        FamilyOnMiniProgram family = FamilyOnMiniProgram.register(api, fixtures, "武汉", "oFam");
        Response policy = api.post("/api/mini/uploads/policy", family.token, Map.of("contentType", "image/jpeg", "size", 2048));
        assertThat(policy.status()).as(policy.raw()).isEqualTo(200);
        String key = policy.body().get("key").asText();
        assertThat(policy.body().get("formFields").get("policy").asText()).isNotBlank();
        Response tooBig = api.post("/api/mini/uploads/policy", family.token, Map.of("contentType", "image/jpeg", "size", 20_000_000));
        assertThat(tooBig.fieldError("size")).isNotBlank();
        Response pdf = api.post("/api/mini/uploads/policy", family.token, Map.of("contentType", "application/pdf", "size", 20));
        assertThat(pdf.fieldError("contentType")).isNotBlank();

        Map<String, Object> withMissing = new HashMap<>(family.request("请帮忙修理家里的水管"));
        withMissing.put("photoKeys", List.of(key));
        Response notUploaded = family.submit(api, UUID.randomUUID().toString(), withMissing);
        assertThat(notUploaded.status()).isEqualTo(400);
        assertThat(notUploaded.fieldError("photoKeys[0]")).isNotBlank();

        OssStub.get().put(key, new byte[]{(byte) 0xFF, (byte) 0xD8, 1, 2, 3});
        Map<String, Object> withForeign = new HashMap<>(withMissing);
        withForeign.put("photoKeys", List.of(key, "tickets/u999999/20261125/x.jpg"));
        assertThat(family.submit(api, UUID.randomUUID().toString(), withForeign).fieldError("photoKeys[1]")).isNotBlank();

        Response created = family.submit(api, UUID.randomUUID().toString(), withMissing);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String url = created.body().get("photoUrls").get(0).asText();
        assertThat(url).startsWith(OssStub.get().baseUrl()).contains("x-oss-signature=");
    }

    @Test
    void theDemoSignInDoesNotExistInTheProductionProfile() {
        Response response = api.post("/api/mini/auth/dev-login", null, Map.of("role", "FAMILY", "subjectId", 1));
        assertThat(response.status()).isEqualTo(404);
        assertThat(api.get("/api/mini/auth/dev-users", null).status()).isEqualTo(404);
    }

    private long countTickets(long familyId) {
        return tickets.selectCount(new LambdaQueryWrapper<HelpTicket>().eq(HelpTicket::getFamilyId, familyId));
    }

    /** Waits until the ticket's messages reached exactly these states (they are sent off the request's thread). */
    private void settled(long ticketId, SubscribeNotice.Status... expected) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(statuses(ticketId)).containsExactly(expected));
    }

    private List<SubscribeNotice.Status> statuses(long ticketId) {
        return notices.selectList(new LambdaQueryWrapper<SubscribeNotice>().eq(SubscribeNotice::getTicketId, ticketId)
                .orderByAsc(SubscribeNotice::getId)).stream().map(SubscribeNotice::getStatus).collect(Collectors.toList());
    }
}
