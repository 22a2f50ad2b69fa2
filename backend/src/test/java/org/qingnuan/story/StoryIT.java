package org.qingnuan.story;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qingnuan.org.OrgUnit;
import org.qingnuan.staff.StaffAccount;
import org.qingnuan.staff.StaffRole;
import org.qingnuan.testing.Api.Response;
import org.qingnuan.testing.Fixtures;
import org.qingnuan.testing.IntegrationTest;
import org.qingnuan.testing.OssStub;
import org.qingnuan.testing.WechatApiStub;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stories (先进典型) on the real MariaDB, Redis and the OSS stub, in two cities: staff write and publish
 * within their own subtree only, the mini-program sees published stories only, with signed photo URLs.
 */
class StoryIT extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private OrgUnit cityA;
    private StaffAccount dispatcherA;
    private String dispatcherAToken;
    private String colleagueAToken;
    private String viewerAToken;
    private String adminAToken;
    private String adminBToken;
    private String dispatcherBToken;
    private String reader;

    @BeforeEach
    void twoCities() {
        cityA = fixtures.city("武汉");
        OrgUnit cityB = fixtures.city("黄石");
        dispatcherA = fixtures.staff(cityA, StaffRole.DISPATCHER);
        dispatcherAToken = api.login(dispatcherA.getUsername(), Fixtures.PASSWORD);
        colleagueAToken = api.login(fixtures.staff(cityA, StaffRole.DISPATCHER).getUsername(), Fixtures.PASSWORD);
        viewerAToken = api.login(fixtures.staff(cityA, StaffRole.VIEWER).getUsername(), Fixtures.PASSWORD);
        adminAToken = api.login(fixtures.staff(cityA, StaffRole.ORG_ADMIN).getUsername(), Fixtures.PASSWORD);
        adminBToken = api.login(fixtures.staff(cityB, StaffRole.ORG_ADMIN).getUsername(), Fixtures.PASSWORD);
        dispatcherBToken = api.login(fixtures.staff(cityB, StaffRole.DISPATCHER).getUsername(), Fixtures.PASSWORD);
        Response login = api.post("/api/mini/auth/login", null, Map.of("code", "code-oStory" + Fixtures.unique()));
        assertThat(login.status()).as(login.raw()).isEqualTo(200);
        reader = login.body().get("token").asText();
    }

    @Test
    void anotherCitysStaffCannotSeeEditPublishOrWithdrawAStory() {
        long id = createDraft(dispatcherAToken, story("抗疫一线的青年突击队", List.of()));

        assertThat(ids(api.get("/api/admin/stories?size=200", adminBToken))).doesNotContain(id);
        for (String token : List.of(adminBToken, dispatcherBToken)) {
            Response get = api.get("/api/admin/stories/" + id, token);
            assertThat(get.status()).isEqualTo(404);
            assertThat(get.code()).isEqualTo("STORY_NOT_FOUND");
            assertThat(api.put("/api/admin/stories/" + id, token, withVersion(story("改掉它", List.of()), 0)).status())
                    .isEqualTo(404);
            assertThat(api.post("/api/admin/stories/" + id + "/publish", token, "").code()).isEqualTo("STORY_NOT_FOUND");
        }
        // still a draft, unchanged, and city A sees it
        JsonNode own = api.get("/api/admin/stories/" + id, adminAToken).body();
        assertThat(own.get("status").asText()).isEqualTo("DRAFT");
        assertThat(own.get("title").asText()).isEqualTo("抗疫一线的青年突击队");
        assertThat(own.get("orgId").asLong()).isEqualTo(cityA.getId());
        assertThat(ids(api.get("/api/admin/stories?status=DRAFT&size=200", adminAToken))).contains(id);

        assertThat(api.post("/api/admin/stories/" + id + "/publish", dispatcherAToken, "").status()).isEqualTo(200);
        assertThat(api.post("/api/admin/stories/" + id + "/withdraw", dispatcherBToken, "").status()).isEqualTo(404);
        assertThat(api.get("/api/admin/stories/" + id, adminAToken).body().get("status").asText()).isEqualTo("PUBLISHED");
        // the province above both sees it
        String province = api.login(fixtures.staff(fixtures.province(), StaffRole.VIEWER).getUsername(), Fixtures.PASSWORD);
        assertThat(api.get("/api/admin/stories/" + id, province).status()).isEqualTo(200);
    }

    @Test
    void aViewerReadsButCannotWrite() {
        long id = createDraft(dispatcherAToken, story("送菜上门的大学生", List.of()));
        assertThat(api.get("/api/admin/stories", viewerAToken).status()).isEqualTo(200);
        assertThat(api.get("/api/admin/stories/" + id, viewerAToken).status()).isEqualTo(200);

        List<Response> writes = List.of(
                api.post("/api/admin/stories", viewerAToken, story("查看员写的", List.of())),
                api.put("/api/admin/stories/" + id, viewerAToken, withVersion(story("查看员改的", List.of()), 0)),
                api.post("/api/admin/stories/" + id + "/publish", viewerAToken, ""),
                api.post("/api/admin/stories/" + id + "/withdraw", viewerAToken, ""),
                api.post("/api/admin/stories/photo-policy", viewerAToken, Map.of("contentType", "image/jpeg", "size", 1000)));
        for (Response write : writes) {
            assertThat(write.status()).as(write.raw()).isEqualTo(403);
            assertThat(write.code()).isEqualTo("FORBIDDEN");
            assertThat(write.body().get("message").asText()).isNotBlank();
        }
        assertThat(api.get("/api/admin/stories/" + id, adminAToken).body().get("status").asText()).isEqualTo("DRAFT");
    }

    @Test
    void draftIsHiddenPublishShowsItWithSignedPhotoUrlsAndWithdrawTakesItAway() throws Exception {
        String key = uploadedPhoto(dispatcherAToken);
        assertThat(key).startsWith("stories/" + dispatcherA.getId() + "/");
        long id = createDraft(dispatcherAToken, story("四十天的网课陪伴", List.of(key)));

        assertThat(api.get("/api/mini/stories/" + id, reader).code()).isEqualTo("STORY_NOT_FOUND");
        assertThat(ids(api.get("/api/mini/stories?size=200", reader))).doesNotContain(id);

        Response published = api.post("/api/admin/stories/" + id + "/publish", dispatcherAToken, "");
        assertThat(published.status()).as(published.raw()).isEqualTo(200);
        assertThat(published.body().get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(published.body().get("publishedBy").asLong()).isEqualTo(dispatcherA.getId());
        assertThat(published.body().get("publishedAt").isNull()).isFalse();
        // the mini-program shows a photo once WeChat's media check passed it (issue 17, item 8; PhotoCheckIT)
        WechatApiStub wechat = WechatApiStub.get();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.queryForObject(
                "SELECT trace_id FROM photo_check WHERE photo_key = ?", String.class, key) != null);
        assertThat(wechat.pushMediaVerdict(port, wechat.traceIdOf(key).orElseThrow(), "pass")).isEqualTo(200);

        Response card = findCard(id);
        JsonNode item = null;
        for (JsonNode i : card.body().get("items")) {
            if (i.get("id").asLong() == id) {
                item = i;
            }
        }
        assertThat(item).isNotNull();
        assertThat(item.get("subjectKindLabel").asText()).isEqualTo("优秀团队");
        assertThat(item.get("orgName").asText()).isEqualTo(cityA.getName());
        assertThat(item.get("photoCount").asInt()).isEqualTo(1);
        assertThat(item.get("coverUrl").asText()).startsWith(OssStub.get().baseUrl()).contains("x-oss-signature=");
        assertThat(item.has("body")).as("a card has an excerpt, not the whole text").isFalse();

        Response detail = api.get("/api/mini/stories/" + id, reader);
        assertThat(detail.status()).as(detail.raw()).isEqualTo(200);
        assertThat(detail.body().get("body").asText()).contains("第一段");
        String url = detail.body().get("photoUrls").get(0).asText();
        assertThat(url).startsWith(OssStub.get().baseUrl()).contains("x-oss-signature=").contains("x-oss-expires=");
        // the signed URL really opens the photo at OSS
        HttpResponse<byte[]> photo = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(photo.statusCode()).isEqualTo(200);
        assertThat(photo.body()).hasSize(5);

        Response withdrawn = api.post("/api/admin/stories/" + id + "/withdraw", dispatcherAToken, "");
        assertThat(withdrawn.body().get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(api.get("/api/mini/stories/" + id, reader).status()).isEqualTo(404);
        assertThat(ids(api.get("/api/mini/stories?size=200", reader))).doesNotContain(id);

        Response log = api.get("/api/admin/audit-logs?targetType=STORY&targetId=" + id, adminAToken);
        List<String> actions = new ArrayList<>();
        log.body().get("items").forEach(e -> actions.add(e.get("action").asText()));
        assertThat(actions).containsExactly("STORY_WITHDRAWN", "STORY_PUBLISHED", "STORY_CREATED");
    }

    @Test
    void theMiniProgramListsNewestPublicationFirstAndNeedsASignIn() {
        long older = createDraft(dispatcherAToken, story("先写的典型", List.of()));
        long newer = createDraft(dispatcherBToken, story("后写的典型", List.of()));
        api.post("/api/admin/stories/" + newer + "/publish", dispatcherBToken, "");
        clock.advance(Duration.ofMinutes(5));
        api.post("/api/admin/stories/" + older + "/publish", dispatcherAToken, "");
        // both cities' stories reach every reader; the one published last comes first
        List<Long> listed = ids(api.get("/api/mini/stories?size=200", reader));
        assertThat(listed).contains(older, newer);
        assertThat(listed.indexOf(older)).isLessThan(listed.indexOf(newer));

        assertThat(api.get("/api/mini/stories", null).code()).isEqualTo("UNAUTHENTICATED");
        assertThat(api.get("/api/mini/stories/" + older, null).status()).isEqualTo(401);
        Response tooBig = api.get("/api/mini/stories?size=500", reader);
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.fieldError("size")).isNotBlank();
        assertThat(api.get("/api/mini/stories/999999999", reader).code()).isEqualTo("STORY_NOT_FOUND");
    }

    @Test
    void aPublishedStoryIsEditedOnlyAfterAWithdrawalAndWithTheVersionRead() {
        long id = createDraft(dispatcherAToken, story("初稿标题", List.of()));
        int version = api.get("/api/admin/stories/" + id, dispatcherAToken).body().get("version").asInt();
        Response edited = api.put("/api/admin/stories/" + id, colleagueAToken, withVersion(story("改过的标题", List.of()), version));
        assertThat(edited.status()).as(edited.raw()).isEqualTo(200);
        assertThat(edited.body().get("title").asText()).isEqualTo("改过的标题");
        version = edited.body().get("version").asInt();

        api.post("/api/admin/stories/" + id + "/publish", dispatcherAToken, "");
        Response refused = api.put("/api/admin/stories/" + id, dispatcherAToken, withVersion(story("发布后再改", List.of()), version + 1));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("STORY_NOT_EDITABLE");
        assertThat(refused.fieldError("status")).isEqualTo("PUBLISHED");
        Response twice = api.post("/api/admin/stories/" + id + "/publish", dispatcherAToken, "");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("STORY_STATE_CONFLICT");
        assertThat(twice.body().get("message").asText()).contains("已发布");

        api.post("/api/admin/stories/" + id + "/withdraw", dispatcherAToken, "");
        assertThat(api.post("/api/admin/stories/" + id + "/withdraw", dispatcherAToken, "").code()).isEqualTo("STORY_STATE_CONFLICT");
        Response stale = api.put("/api/admin/stories/" + id, dispatcherAToken, withVersion(story("旧版本上改", List.of()), version));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.code()).isEqualTo("VERSION_CONFLICT");
        Response noVersion = api.put("/api/admin/stories/" + id, dispatcherAToken, story("不带版本", List.of()));
        assertThat(noVersion.status()).isEqualTo(400);
        assertThat(noVersion.fieldError("version")).isNotBlank();

        int current = api.get("/api/admin/stories/" + id, dispatcherAToken).body().get("version").asInt();
        Response fixed = api.put("/api/admin/stories/" + id, dispatcherAToken, withVersion(story("撤回后修改", List.of()), current));
        assertThat(fixed.status()).as(fixed.raw()).isEqualTo(200);
        assertThat(fixed.body().get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(api.post("/api/admin/stories/" + id + "/publish", dispatcherAToken, "").status()).isEqualTo(200);
        assertThat(api.get("/api/mini/stories/" + id, reader).body().get("title").asText()).isEqualTo("撤回后修改");
    }

    @Test
    void staffPublishingAtOnceChangeTheStoryOnce() throws Exception {
        long id = createDraft(dispatcherAToken, story("同时发布", List.of()));
        List<String> tokens = List.of(dispatcherAToken, colleagueAToken, adminAToken, dispatcherAToken);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(tokens.size());
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Response>> answers = new ArrayList<>();
            for (String token : tokens) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return api.post("/api/admin/stories/" + id + "/publish", token, "");
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (java.util.concurrent.Future<Response> answer : answers) {
                Response r = answer.get(30, java.util.concurrent.TimeUnit.SECONDS);
                statuses.add(r.status());
                if (r.status() == 409) {
                    assertThat(r.code()).isEqualTo("STORY_STATE_CONFLICT");
                }
            }
            assertThat(statuses).containsOnly(200, 409);
            assertThat(statuses.stream().filter(st -> st == 200).count()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        Response log = api.get("/api/admin/audit-logs?targetType=STORY&action=STORY_PUBLISHED&targetId=" + id, adminAToken);
        assertThat(log.body().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void photoKeysMustBeTheStaffMembersOwnUploads() {
        String own = uploadedPhoto(dispatcherAToken);
        String colleagues = uploadedPhoto(colleagueAToken);
        String neverUploaded = api.post("/api/admin/stories/photo-policy", dispatcherAToken,
                Map.of("contentType", "image/png", "size", 2048)).body().get("key").asText();

        Response refused = api.post("/api/admin/stories", dispatcherAToken,
                story("照片不对", List.of(own, colleagues, neverUploaded, own, "tickets/u1/20261125/x.jpg")));
        assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("STORY_PHOTO_INVALID");
        assertThat(refused.fieldError("photoKeys[0]")).isNull();
        assertThat(refused.fieldError("photoKeys[1]")).contains("不是您本人上传的");
        assertThat(refused.fieldError("photoKeys[2]")).isNotBlank();
        assertThat(refused.fieldError("photoKeys[3]")).contains("重复");
        assertThat(refused.fieldError("photoKeys[4]")).isNotBlank();

        // a colleague edits the draft: the photos it holds stay, new ones must be the colleague's own
        long id = createDraft(dispatcherAToken, story("有照片的草稿", List.of(own)));
        Response keep = api.put("/api/admin/stories/" + id, colleagueAToken, withVersion(story("同事修改", List.of(own, colleagues)), 0));
        assertThat(keep.status()).as(keep.raw()).isEqualTo(200);
        assertThat(keep.body().get("photoKeys")).hasSize(2);
        assertThat(keep.body().get("photoUrls")).hasSize(2);
        String ownAgain = uploadedPhoto(dispatcherAToken);
        Response foreign = api.put("/api/admin/stories/" + id, colleagueAToken,
                withVersion(story("加别人的照片", List.of(own, ownAgain)), keep.body().get("version").asInt()));
        assertThat(foreign.code()).isEqualTo("STORY_PHOTO_INVALID");
        assertThat(foreign.fieldError("photoKeys[1]")).isNotBlank();

        List<String> ten = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ten.add(own);
        }
        assertThat(api.post("/api/admin/stories", dispatcherAToken, story("十张照片", ten)).fieldError("photoKeys")).contains("9");
        Response pdf = api.post("/api/admin/stories/photo-policy", dispatcherAToken, Map.of("contentType", "application/pdf", "size", 20));
        assertThat(pdf.fieldError("contentType")).isNotBlank();
    }

    @Test
    void badInputIsRefusedWithFieldErrorsInChinese() {
        Map<String, Object> bad = new HashMap<>();
        bad.put("title", "标".repeat(41));
        bad.put("subjectName", "王<b>某</b>");
        bad.put("body", "");
        Response missing = api.post("/api/admin/stories", dispatcherAToken, bad);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(missing.body().get("message").asText()).isNotBlank();
        assertThat(missing.body().get("traceId").asText()).isNotBlank();
        assertThat(missing.fieldError("title")).isEqualTo("标题最多 40 个字");
        assertThat(missing.fieldError("subjectKind")).isEqualTo("请选择典型类别（志愿者或团队）");
        assertThat(missing.fieldError("subjectName")).contains("标记");
        assertThat(missing.fieldError("body")).isEqualTo("请填写正文");

        Map<String, Object> tooLong = new HashMap<>(story("标题\n换行", List.of()));
        tooLong.put("body", "字".repeat(2001));
        Response longBody = api.post("/api/admin/stories", dispatcherAToken, tooLong);
        assertThat(longBody.fieldError("body")).isEqualTo("正文最多 2000 个字");
        assertThat(longBody.fieldError("title")).isEqualTo("标题不能换行");

        Map<String, Object> kind = new HashMap<>(story("类别不对", List.of()));
        kind.put("subjectKind", "HERO");
        Response wrongKind = api.post("/api/admin/stories", dispatcherAToken, kind);
        assertThat(wrongKind.status()).isEqualTo(400);
        assertThat(wrongKind.fieldError("subjectKind")).isNotBlank();

        assertThat(api.get("/api/admin/stories?status=LOST", dispatcherAToken).fieldError("status")).isNotBlank();
        assertThat(api.get("/api/admin/stories?page=0", dispatcherAToken).fieldError("page")).isNotBlank();
        assertThat(api.post("/api/admin/stories", dispatcherAToken, "{\"title\":").code()).isEqualTo("MALFORMED_JSON");
        // a body at the limit is taken
        Map<String, Object> full = new HashMap<>(story("正文两千字", List.of()));
        full.put("body", "字".repeat(2000));
        full.put("subjectName", "“青春战疫”突击队");
        full.put("subjectKind", "TEAM");
        Response taken = api.post("/api/admin/stories", dispatcherAToken, full);
        assertThat(taken.status()).as(taken.raw()).isEqualTo(201);
        assertThat(taken.headers().firstValue("Location")).hasValue("/api/admin/stories/" + taken.body().get("id").asLong());
        assertThat(taken.body().get("body").asText()).hasSize(2000);
    }

    @Test
    void aVolunteerStoryIsPublishedOnlyWithTheVolunteersConsentAndComesDownWhenItIsWithdrawn() {
        OrgUnit university = fixtures.child(cityA, "某大学团委" + Fixtures.unique(), org.qingnuan.org.OrgType.UNIVERSITY_LEAGUE);
        String volunteer = api.post("/api/mini/auth/login", null, Map.of("code", "code-oStoryVol" + Fixtures.unique()))
                .body().get("token").asText();
        api.post("/api/mini/me/phone", volunteer, Map.of("code", "phone-" + org.qingnuan.testing.People.mobile()));
        Response registered = api.post("/api/mini/volunteer", volunteer, Map.of("name", "陈志愿",
                "idNumber", org.qingnuan.testing.People.idNumber(), "orgId", university.getId(), "skills", List.of("TUTOR"),
                "latitude", 30.6, "longitude", 114.29, "radiusKm", 5, "availability", "每晚"));
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        long volunteerId = registered.body().get("id").asLong();

        Map<String, Object> about = new HashMap<>(story("四十天的网课陪伴", List.of()));
        about.put("subjectKind", "VOLUNTEER");
        about.put("subjectName", "陈志愿");
        about.put("subjectVolunteerId", volunteerId);
        // another city's staff cannot write about this volunteer
        assertThat(api.post("/api/admin/stories", dispatcherBToken, about).fieldError("subjectVolunteerId")).isNotBlank();
        long id = createDraft(dispatcherAToken, about);
        assertThat(api.get("/api/admin/stories/" + id, dispatcherAToken).body().get("subjectConsented").asBoolean()).isFalse();

        Response refused = api.post("/api/admin/stories/" + id + "/publish", dispatcherAToken, "");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("STORY_CONSENT_MISSING");
        assertThat(refused.body().get("message").asText()).contains("陈志愿");
        Map<String, Object> unnamed = new HashMap<>(about);
        unnamed.remove("subjectVolunteerId");
        long anonymous = createDraft(dispatcherAToken, unnamed);
        Response noVolunteer = api.post("/api/admin/stories/" + anonymous + "/publish", dispatcherAToken, "");
        assertThat(noVolunteer.code()).isEqualTo("STORY_CONSENT_MISSING");
        assertThat(noVolunteer.fieldError("subjectVolunteerId")).isNotBlank();

        // the volunteer agrees in the mini-program; then it can go out
        assertThat(api.get("/api/mini/volunteer/story-consent", volunteer).body().get("consented").asBoolean()).isFalse();
        JsonNode agreed = api.put("/api/mini/volunteer/story-consent", volunteer, Map.of("consent", true)).body();
        assertThat(agreed.get("consented").asBoolean()).isTrue();
        assertThat(agreed.get("consentedAt").isNull()).isFalse();
        assertThat(api.put("/api/mini/volunteer/story-consent", reader, Map.of("consent", true)).code()).isEqualTo("NOT_A_VOLUNTEER");
        assertThat(api.post("/api/admin/stories/" + id + "/publish", dispatcherAToken, "").status()).isEqualTo(200);
        assertThat(api.get("/api/mini/stories/" + id, reader).status()).isEqualTo(200);

        // withdrawn consent takes the story down at once, recorded as the system's act
        api.put("/api/mini/volunteer/story-consent", volunteer, Map.of("consent", false));
        assertThat(api.get("/api/admin/stories/" + id, dispatcherAToken).body().get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(api.get("/api/mini/stories/" + id, reader).code()).isEqualTo("STORY_NOT_FOUND");
        assertThat(jdbc.queryForObject("SELECT actor_name FROM audit_log WHERE action = 'STORY_WITHDRAWN' AND target_id = ?",
                String.class, id)).isEqualTo("系统");
        assertThat(api.post("/api/admin/stories/" + id + "/publish", dispatcherAToken, "").code()).isEqualTo("STORY_CONSENT_MISSING");
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static Map<String, Object> story(String title, List<String> photoKeys) {
        Map<String, Object> story = new HashMap<>();
        story.put("title", title);
        // a team: a volunteer story needs a registered volunteer's consent (see the consent test)
        story.put("subjectKind", "TEAM");
        story.put("subjectName", "天河区青年突击队");
        story.put("body", "第一段：她每晚八点陪医护人员的孩子上网课。\n第二段：四十天从未间断。");
        story.put("photoKeys", photoKeys);
        return story;
    }

    private static Map<String, Object> withVersion(Map<String, Object> story, int version) {
        Map<String, Object> copy = new HashMap<>(story);
        copy.put("version", version);
        return copy;
    }

    private long createDraft(String token, Map<String, Object> story) {
        Response created = api.post("/api/admin/stories", token, story);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.body().get("status").asText()).isEqualTo("DRAFT");
        return created.body().get("id").asLong();
    }

    /** Asks for a policy and uploads through it to the OSS stub, as the admin web's browser would. */
    private String uploadedPhoto(String token) {
        Response policy = api.post("/api/admin/stories/photo-policy", token, Map.of("contentType", "image/jpeg", "size", 2048));
        assertThat(policy.status()).as(policy.raw()).isEqualTo(200);
        assertThat(policy.body().get("url").asText()).isEqualTo(OssStub.get().bucketUrl());
        String key = policy.body().get("key").asText();
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        policy.body().get("formFields").fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue().asText()));
        int status = postForm(policy.body().get("url").asText(), fields, new byte[]{(byte) 0xFF, (byte) 0xD8, 1, 2, 3});
        assertThat(status).isEqualTo(200);
        assertThat(OssStub.get().object(key)).isPresent();
        return key;
    }

    private static int postForm(String url, Map<String, String> fields, byte[] file) {
        String boundary = "----qn" + Fixtures.unique();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        try {
            for (Map.Entry<String, String> f : fields.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                        + f.getValue() + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\n"
                    + "Content-Type: image/jpeg\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            body.write(file);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Response findCard(long id) {
        Response list = api.get("/api/mini/stories?size=200", reader);
        assertThat(list.status()).as(list.raw()).isEqualTo(200);
        assertThat(ids(list)).contains(id);
        return list;
    }

    private static List<Long> ids(Response list) {
        assertThat(list.status()).as(list.raw()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        list.body().get("items").forEach(i -> ids.add(i.get("id").asLong()));
        return ids;
    }
}
