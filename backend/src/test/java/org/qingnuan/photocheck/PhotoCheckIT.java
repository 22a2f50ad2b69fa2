package org.qingnuan.photocheck;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.qingnuan.identity.UserSessions;
import org.qingnuan.privacy.PersonalDataCipher;
import org.qingnuan.staff.StaffRole;
import org.qingnuan.testing.Api.Response;
import org.qingnuan.testing.DutyReadyVolunteers;
import org.qingnuan.testing.Fixtures;
import org.qingnuan.testing.IntegrationTest;
import org.qingnuan.testing.OssStub;
import org.qingnuan.testing.WechatApiStub;
import org.qingnuan.ticket.FamilyOnMiniProgram;
import org.qingnuan.wechat.WechatServerSide;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 17, item 8: photos passed between strangers unchecked. Every uploaded photo goes through WeChat's
 * asynchronous media check; until the verdict arrives (the mini-program's message push) only the uploader and staff
 * see it, a risky one is hidden everywhere and staff are alerted. Volunteers' completion notes and staff's story
 * texts pass the text check. Each test failed on the code before: volunteers saw no photos at all, or every photo.
 */
class PhotoCheckIT extends IntegrationTest {

    private final WechatApiStub wechat = WechatApiStub.get();

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserSessions sessions;
    @Autowired
    PersonalDataCipher cipher;
    @Autowired
    PhotoCheckRequests requests;

    @Test
    void aVolunteerSeesAFamilysPhotoOnlyOnceWeChatPassedItAndNeverARiskyOne() {
        FamilyOnMiniProgram family = FamilyOnMiniProgram.register(api, fixtures, "武汉", "oPhoto");
        DutyReadyVolunteers.Ready volunteer = volunteerNear(family);
        String fine = upload(family.token);
        String bad = upload(family.token);
        long id = openWithPhotos(family, List.of(fine, bad));

        // the family sees its own photos at once, marked 审核中
        JsonNode own = api.get("/api/mini/tickets/" + id, family.token).body();
        assertThat(own.get("photoUrls")).hasSize(2);
        assertThat(own.get("photos").findValuesAsText("statusLabel")).containsExactly("审核中", "审核中");
        String fineTrace = submitted(fine);
        String badTrace = submitted(bad);
        assertThat(wechat.calls("/wxa/media_check_async")).filteredOn(c -> c.body().contains(fine)).singleElement()
                .satisfies(c -> assertThat(c.body()).contains("\"openid\":\"" + family.openId + "\"")
                        .contains("\"version\":2").contains("\"media_type\":2"));

        // the volunteer sees the task, but no photo before WeChat's verdict
        assertThat(taskPhotos(volunteer, id)).isEmpty();

        assertThat(wechat.pushMediaVerdict(port, fineTrace, "pass")).isEqualTo(200);
        assertThat(taskPhotos(volunteer, id)).singleElement().asString().contains(fine);

        assertThat(wechat.pushMediaVerdict(port, badTrace, "risky")).isEqualTo(200);
        // WeChat pushes again when an answer is lost: still one alert
        assertThat(wechat.pushMediaVerdict(port, badTrace, "risky")).isEqualTo(200);
        assertThat(taskPhotos(volunteer, id)).singleElement().asString().contains(fine);
        JsonNode after = api.get("/api/mini/tickets/" + id, family.token).body();
        assertThat(after.get("photoUrls")).as("risky is hidden from its uploader too").hasSize(1);
        assertThat(after.get("photos").findValuesAsText("statusLabel")).containsExactly("已通过");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM staff_alert WHERE kind = 'PHOTO_RISKY' AND ticket_id = ?",
                Long.class, id)).isEqualTo(1);
        assertThat(api.get("/api/admin/alerts", family.dispatcherToken).raw()).contains("求助 #" + id + " 的照片未通过微信内容安全检测");

        // staff see both, with their state
        JsonNode staff = api.get("/api/admin/tickets/" + id, family.dispatcherToken).body();
        assertThat(staff.get("photos").findValuesAsText("statusLabel")).containsExactly("已通过", "已隐藏（违规）");
        assertThat(staff.get("photoUrls")).hasSize(2);
        // a verdict already given is not overturned by hand
        long riskyCheck = staff.get("photos").get(1).get("checkId").asLong();
        Response overturn = api.post("/api/admin/photo-checks/" + riskyCheck + "/pass", family.dispatcherToken, "");
        assertThat(overturn.status()).as(overturn.raw()).isEqualTo(409);
        assertThat(overturn.code()).isEqualTo("PHOTO_ALREADY_DECIDED");
    }

    @Test
    void aPhotoWeChatIsUnsureOfWaitsForStaffWhosePassIsAudited() {
        FamilyOnMiniProgram family = FamilyOnMiniProgram.register(api, fixtures, "武汉", "oPhoto");
        DutyReadyVolunteers.Ready volunteer = volunteerNear(family);
        String key = upload(family.token);
        long id = openWithPhotos(family, List.of(key));
        assertThat(wechat.pushMediaVerdict(port, submitted(key), "review")).isEqualTo(200);
        assertThat(status(key)).isEqualTo("UNCHECKED");
        assertThat(taskPhotos(volunteer, id)).isEmpty();
        JsonNode photo = api.get("/api/admin/tickets/" + id, family.dispatcherToken).body().get("photos").get(0);
        assertThat(photo.get("statusLabel").asText()).isEqualTo("待人工审核");
        long checkId = photo.get("checkId").asLong();

        // staff of another city cannot decide it
        String stranger = api.login(fixtures.staff(fixtures.city("深圳"), StaffRole.DISPATCHER).getUsername(), Fixtures.PASSWORD);
        assertThat(api.post("/api/admin/photo-checks/" + checkId + "/pass", stranger, "").status()).isEqualTo(404);

        Response passed = api.post("/api/admin/photo-checks/" + checkId + "/pass", family.dispatcherToken, "");
        assertThat(passed.status()).as(passed.raw()).isEqualTo(200);
        assertThat(passed.body().get("statusLabel").asText()).isEqualTo("已通过");
        assertThat(taskPhotos(volunteer, id)).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'PHOTO_PASSED' AND target_id = ?",
                Long.class, checkId)).isEqualTo(1);
    }

    @Test
    void aForgedVerdictChangesNothingAndAnUnknownTraceIdIsAcknowledged() {
        FamilyOnMiniProgram family = FamilyOnMiniProgram.register(api, fixtures, "武汉", "oPhoto");
        String key = upload(family.token);
        openWithPhotos(family, List.of(key));
        String trace = submitted(key);
        WechatServerSide server = new WechatServerSide(MINI_TOKEN, MINI_AES_KEY);
        String ts = String.valueOf(System.currentTimeMillis() / 1000);
        String push = "{\"Event\":\"wxa_media_check\",\"appid\":\"" + MINI_APP_ID + "\",\"trace_id\":\"" + trace
                + "\",\"version\":2,\"result\":{\"suggest\":\"pass\",\"label\":100}}";
        String encrypt = server.encrypt(push, MINI_APP_ID);
        String body = "{\"ToUserName\":\"gh_x\",\"Encrypt\":\"" + encrypt + "\"}";

        // a wrong URL signature; a right one with a forged msg_signature; a plain body in safe mode
        assertThat(callback("signature=" + "0".repeat(40) + "&timestamp=" + ts + "&nonce=1&encrypt_type=aes&msg_signature="
                + server.signature(MINI_TOKEN, ts, "1", encrypt), body).status()).isEqualTo(403);
        assertThat(callback("signature=" + server.signature(MINI_TOKEN, ts, "1") + "&timestamp=" + ts
                + "&nonce=1&encrypt_type=aes&msg_signature=" + "0".repeat(40), body).status()).isEqualTo(403);
        Response plain = callback("signature=" + server.signature(MINI_TOKEN, ts, "1") + "&timestamp=" + ts + "&nonce=1", push);
        assertThat(plain.status()).isEqualTo(403);
        assertThat(plain.code()).isEqualTo("CALLBACK_REFUSED");
        // signed, but not a push
        Response malformed = callback("signature=" + server.signature(MINI_TOKEN, ts, "1") + "&timestamp=" + ts
                + "&nonce=1&encrypt_type=aes&msg_signature=" + server.signature(MINI_TOKEN, ts, "1", "x"), "{\"Encrypt\":\"x\"}");
        assertThat(malformed.status()).as(malformed.raw()).isEqualTo(400);
        assertThat(malformed.code()).isEqualTo("PUSH_MALFORMED");
        assertThat(malformed.body().get("traceId").asText()).isNotBlank();
        assertThat(status(key)).isEqualTo("PENDING");

        // WeChat's URL check
        String echo = api.raw("GET", "/wx/mini/callback?signature=" + server.signature(MINI_TOKEN, ts, "7") + "&timestamp=" + ts
                + "&nonce=7&echostr=hello", null, null, HttpRequest.BodyPublishers.noBody()).raw();
        assertThat(echo).isEqualTo("hello");

        // a verdict for a photo we never submitted: acknowledged, nothing changes
        assertThat(wechat.pushMediaVerdict(port, "unknown-" + UUID.randomUUID(), "risky")).isEqualTo(200);
        assertThat(status(key)).isEqualTo("PENDING");
    }

    @Test
    void aCheckWeChatRefusedIsSubmittedAgainByTheRetryJob() {
        FamilyOnMiniProgram family = FamilyOnMiniProgram.register(api, fixtures, "武汉", "oPhoto");
        String key = upload(family.token);
        wechat.failNext("/wxa/media_check_async", 45011);
        long id = FamilyOnMiniProgram.id(family.submit(api, UUID.randomUUID().toString(), withPhotos(family, List.of(key))));
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).until(() -> jdbc.queryForObject(
                "SELECT attempts FROM photo_check WHERE photo_key = ?", Integer.class, key) == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.queryForObject(
                "SELECT last_errcode FROM photo_check WHERE photo_key = ?", Integer.class, key) != null);
        assertThat(jdbc.queryForMap("SELECT status, trace_id, last_errcode FROM photo_check WHERE photo_key = ?", key))
                .containsEntry("status", "PENDING").containsEntry("trace_id", null).containsEntry("last_errcode", 45011);
        requests.submitDue();
        assertThat(jdbc.queryForMap("SELECT attempts, trace_id FROM photo_check WHERE photo_key = ?", key))
                .as("not due yet").containsEntry("attempts", 1).containsEntry("trace_id", null);

        clock.advance(Duration.ofMinutes(2));
        assertThat(requests.submitDue()).isGreaterThanOrEqualTo(1);
        String trace = jdbc.queryForObject("SELECT trace_id FROM photo_check WHERE photo_key = ?", String.class, key);
        assertThat(trace).isNotNull().isEqualTo(wechat.traceIdOf(key).orElseThrow());
        assertThat(wechat.pushMediaVerdict(port, trace, "pass")).isEqualTo(200);
        assertThat(status(key)).isEqualTo("PASS");
        assertThat(jdbc.queryForObject("SELECT photo_keys FROM help_ticket WHERE id = ?", String.class, id)).contains(key);
    }

    @Test
    void aCompletionNoteThatIsRiskyIsRefusedAndOneUnderReviewIsKeptFromTheFamilyLikeUncheckedPhotos() {
        FamilyOnMiniProgram family = FamilyOnMiniProgram.register(api, fixtures, "武汉", "oPhoto");
        DutyReadyVolunteers.Ready volunteer = volunteerNear(family);
        long id = openWithPhotos(family, List.of());
        assertThat(api.post("/api/mini/volunteer/tasks/" + id + "/claim", volunteer.token(), "").status()).isEqualTo(200);
        assertThat(api.post("/api/mini/volunteer/tasks/" + id + "/start", volunteer.token(), "").status()).isEqualTo(200);
        String photo = upload(volunteer.token());

        Response risky = api.post("/api/mini/volunteer/tasks/" + id + "/complete", volunteer.token(),
                Map.of("note", "已送到，违禁品也带到了", "photoKeys", List.of(photo)));
        assertThat(risky.status()).as(risky.raw()).isEqualTo(422);
        assertThat(risky.code()).isEqualTo("CONTENT_RISKY");
        assertThat(jdbc.queryForObject("SELECT status FROM help_ticket WHERE id = ?", String.class, id)).isEqualTo("IN_PROGRESS");

        Response done = api.post("/api/mini/volunteer/tasks/" + id + "/complete", volunteer.token(),
                Map.of("note", "已送到，有事加我微信待审", "photoKeys", List.of(photo)));
        assertThat(done.status()).as(done.raw()).isEqualTo(200);
        JsonNode seen = api.get("/api/mini/tickets/" + id, family.token).body();
        assertThat(seen.get("status").asText()).isEqualTo("DONE");
        assertThat(seen.has("doneNote")).as("the note waits for review").isFalse();
        assertThat(seen.toString()).doesNotContain("加我微信");
        assertThat(seen.get("donePhotoUrls")).as("the volunteer's photo is not checked yet").isEmpty();
        JsonNode staff = api.get("/api/admin/tickets/" + id, family.dispatcherToken).body();
        assertThat(staff.get("doneNote").asText()).contains("加我微信");
        assertThat(staff.get("doneNoteCheck").asText()).isEqualTo("REVIEW");
        assertThat(wechat.calls("/wxa/media_check_async")).filteredOn(c -> c.body().contains(photo)).singleElement()
                .satisfies(c -> assertThat(c.body()).contains("\"version\":2").contains("\"scene\":2"));

        assertThat(wechat.pushMediaVerdict(port, submitted(photo), "pass")).isEqualTo(200);
        assertThat(api.get("/api/mini/tickets/" + id, family.token).body().get("donePhotoUrls")).hasSize(1);
    }

    @Test
    void aStoryWithRiskyTextIsNotPublishedAndItsPhotosShowInTheMiniProgramOnlyOncePassed() {
        var city = fixtures.city("广州");
        String staff = api.login(fixtures.staff(city, StaffRole.DISPATCHER).getUsername(), Fixtures.PASSWORD);
        Response policy = api.post("/api/admin/stories/photo-policy", staff, Map.of("contentType", "image/jpeg", "size", 2048));
        assertThat(policy.status()).as(policy.raw()).isEqualTo(200);
        String key = policy.body().get("key").asText();
        OssStub.get().put(key, new byte[]{(byte) 0xFF, (byte) 0xD8, 1, 2, 3});

        Response risky = api.post("/api/admin/stories", staff, story("违禁的标题", List.of()));
        long riskyId = risky.body().get("id").asLong();
        Response refused = api.post("/api/admin/stories/" + riskyId + "/publish", staff, "");
        assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("STORY_TEXT_RISKY");
        assertThat(refused.fieldError("title")).contains("微信内容安全检测");
        assertThat(api.get("/api/admin/stories/" + riskyId, staff).body().get("status").asText()).isEqualTo("DRAFT");

        Response created = api.post("/api/admin/stories", staff, story("青年突击队的四十天", List.of(key)));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        assertThat(created.body().get("photos").findValuesAsText("statusLabel")).containsExactly("审核中");
        String trace = submitted(key);
        assertThat(wechat.calls("/wxa/media_check_async")).filteredOn(c -> c.body().contains(key)).singleElement()
                .satisfies(c -> assertThat(c.body()).as("v1: staff have no openid").doesNotContain("openid"));
        // WeChat cannot check the text: published all the same, marked for staff
        wechat.failNext("/wxa/msg_sec_check", -1);
        Response published = api.post("/api/admin/stories/" + id + "/publish", staff, "");
        assertThat(published.status()).as(published.raw()).isEqualTo(200);
        assertThat(published.body().get("textCheck").asText()).isEqualTo("UNCHECKED");

        String reader = api.post("/api/mini/auth/login", null, Map.of("code", "code-oReader" + Fixtures.unique())).body().get("token").asText();
        JsonNode shown = api.get("/api/mini/stories/" + id, reader).body();
        assertThat(shown.get("photoUrls")).as("pending: not in the mini-program").isEmpty();
        assertThat(card(reader, id).get("photoCount").asInt()).isZero();

        assertThat(wechat.pushMediaVerdict(port, trace, "pass")).isEqualTo(200);
        assertThat(api.get("/api/mini/stories/" + id, reader).body().get("photoUrls")).singleElement().asString().contains(key);
        assertThat(card(reader, id).get("photoCount").asInt()).isEqualTo(1);
    }

    private JsonNode card(String reader, long id) {
        for (JsonNode card : api.get("/api/mini/stories?size=100", reader).body().get("items")) {
            if (card.get("id").asLong() == id) {
                return card;
            }
        }
        throw new AssertionError("story " + id + " not listed");
    }

    private static Map<String, Object> story(String title, List<String> photoKeys) {
        Map<String, Object> story = new HashMap<>();
        story.put("title", title);
        story.put("subjectKind", "TEAM");
        story.put("subjectName", "天河区青年突击队");
        story.put("body", "她每晚八点陪医护人员的孩子上网课，四十天从未间断。");
        story.put("photoKeys", photoKeys);
        return story;
    }

    private Response callback(String query, String body) {
        return api.raw("POST", "/wx/mini/callback?" + query, null, "application/json", HttpRequest.BodyPublishers.ofString(body));
    }

    private DutyReadyVolunteers.Ready volunteerNear(FamilyOnMiniProgram family) {
        jdbc.update("UPDATE family SET latitude = 30.583000, longitude = 114.285000 WHERE id = ?", family.familyId);
        return new DutyReadyVolunteers(jdbc, sessions, cipher).create(family.district, 30.590000, 114.290000);
    }

    /** A photo uploaded the way the phone does: a policy, then the object in OSS. */
    private String upload(String token) {
        Response policy = api.post("/api/mini/uploads/policy", token, Map.of("contentType", "image/jpeg", "size", 2048));
        assertThat(policy.status()).as(policy.raw()).isEqualTo(200);
        String key = policy.body().get("key").asText();
        OssStub.get().put(key, new byte[]{(byte) 0xFF, (byte) 0xD8, 1, 2, 3});
        return key;
    }

    private static Map<String, Object> withPhotos(FamilyOnMiniProgram family, List<String> keys) {
        Map<String, Object> request = new HashMap<>(family.request("请帮忙买菜，照片是要买的东西"));
        request.put("photoKeys", keys);
        return request;
    }

    private long openWithPhotos(FamilyOnMiniProgram family, List<String> keys) {
        Response submitted = family.submit(api, UUID.randomUUID().toString(), withPhotos(family, keys));
        assertThat(submitted.status()).as(submitted.raw()).isEqualTo(201);
        long id = FamilyOnMiniProgram.id(submitted);
        api.post("/api/admin/tickets/" + id + "/accept", family.dispatcherToken, Map.of());
        api.post("/api/admin/tickets/" + id + "/open", family.dispatcherToken, Map.of());
        return id;
    }

    /** Waits for the check's submission after commit; its trace id. */
    private String submitted(String key) {
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).until(() -> jdbc.queryForObject(
                "SELECT trace_id FROM photo_check WHERE photo_key = ?", String.class, key) != null);
        String trace = jdbc.queryForObject("SELECT trace_id FROM photo_check WHERE photo_key = ?", String.class, key);
        assertThat(wechat.traceIdOf(key)).contains(trace);
        return trace;
    }

    private String status(String key) {
        return jdbc.queryForObject("SELECT status FROM photo_check WHERE photo_key = ?", String.class, key);
    }

    private List<String> taskPhotos(DutyReadyVolunteers.Ready volunteer, long id) {
        Response task = api.get("/api/mini/volunteer/tasks/" + id, volunteer.token());
        assertThat(task.status()).as(task.raw()).isEqualTo(200);
        List<String> urls = new ArrayList<>();
        task.body().get("photoUrls").forEach(u -> urls.add(u.asText()));
        return urls;
    }
}
