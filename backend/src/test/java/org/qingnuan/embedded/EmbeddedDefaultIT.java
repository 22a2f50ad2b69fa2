package org.qingnuan.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qingnuan.QingnuanApplication;
import org.qingnuan.testing.Api;
import org.qingnuan.testing.Api.Response;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's first command: the application with no profile chosen runs on H2 in MySQL mode and
 * the embedded Redis, with the same migrations plus the demo data, and every demo account signs in.
 */
class EmbeddedDefaultIT {

    static ConfigurableApplicationContext app;
    static Api api;

    @BeforeAll
    static void startWithoutAnyProfile() {
        // the test run points spring.datasource.* at MariaDB through system properties;
        // command-line arguments rank above them and restore the embedded default's own
        app = new SpringApplicationBuilder(QingnuanApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:embedded-it;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=VALUE,USER;DB_CLOSE_DELAY=-1;TIME ZONE=Asia/Shanghai",
                "--spring.datasource.username=sa", "--spring.datasource.password=",
                "--spring.data.redis.database=0");
        api = new Api(((WebServerApplicationContext) app).getWebServer().getPort());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void shouldRunTheEmbeddedProfileByDefault() {
        assertThat(app.getEnvironment().getActiveProfiles()).isEmpty();
        assertThat(app.getEnvironment().getDefaultProfiles()).containsExactly("embedded");
        assertThat(app.getEnvironment().getProperty("spring.datasource.url")).startsWith("jdbc:h2:mem:");
        assertThat(app.getEnvironment().getProperty("spring.data.redis.port", Integer.class)).isNotEqualTo(6379);
        // beans are lazy here, but those with @Scheduled jobs must exist for their jobs to run
        assertThat(app.getBeanFactory().containsSingleton("inboxSweeper")).isTrue();
        assertThat(app.getBeanFactory().containsSingleton("promptSchedule")).isTrue();
    }

    @Test
    void shouldBeHealthyAndPublishTheOpenApiDocument() {
        Response health = api.get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("status").asText()).isEqualTo("UP");

        Response docs = api.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().get("paths").has("/api/admin/auth/login")).isTrue();
        assertThat(api.get("/swagger-ui/index.html", null).status()).isEqualTo(200);
    }

    @Test
    void shouldServeTheAdminWebAtAdmin() {
        Response page = api.raw("GET", "/admin/", null, null, java.net.http.HttpRequest.BodyPublishers.noBody());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw()).contains("<div id=\"app\">").contains("/admin/assets/");
        Response root = api.raw("GET", "/", null, null, java.net.http.HttpRequest.BodyPublishers.noBody());
        assertThat(root.status()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/admin/"));
    }

    @Test
    void shouldServeTheMiniProgramH5AtMWithoutSignIn() {
        Response page = api.raw("GET", "/m/", null, null, java.net.http.HttpRequest.BodyPublishers.noBody());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw()).contains("<div id=\"app\">").contains("/m/assets/");
        Response bare = api.raw("GET", "/m", null, null, java.net.http.HttpRequest.BodyPublishers.noBody());
        assertThat(bare.status()).isEqualTo(302);
        assertThat(bare.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/m/"));
    }

    @Test
    void shouldSignInEveryDemoAccountWithTheSharedPassword() {
        List<String> demo = List.of("admin", "gd-orgadmin", "gd-dispatcher", "gd-viewer",
                "gz-superadmin", "gz-orgadmin", "gz-dispatcher", "gz-viewer", "sz-orgadmin", "sz-dispatcher",
                "th-dispatcher", "ft-dispatcher");
        List<String> failed = new ArrayList<>();
        for (String username : demo) {
            Response r = api.post("/api/admin/auth/login", null, Map.of("username", username, "password", "qingnuan-demo"));
            if (r.status() != 200) {
                failed.add(username + " " + r.status());
            }
        }
        assertThat(failed).isEmpty();
    }

    @Test
    void shouldLoadTheDemoTreeOfTwoCitiesWithTwoDistrictsEach() {
        String token = api.login("admin", "qingnuan-demo");
        JsonNode province = api.get("/api/admin/orgs/tree", token).body().get(0);
        assertThat(province.get("type").asText()).isEqualTo("PROVINCE_LEAGUE");
        List<String> childTypes = new ArrayList<>();
        province.get("children").forEach(c -> {
            childTypes.add(c.get("type").asText());
            if ("CITY_LEAGUE".equals(c.get("type").asText())) {
                assertThat(c.get("children")).hasSize(2);
            }
        });
        assertThat(childTypes).containsExactlyInAnyOrder("CITY_LEAGUE", "CITY_LEAGUE", "UNIVERSITY_LEAGUE", "PARTNER_UNIT");

        // the city's staff see their city only, on the embedded default as in production
        String gz = api.login("gz-orgadmin", "qingnuan-demo");
        assertThat(api.get("/api/admin/orgs", gz).body().get("total").asLong()).isEqualTo(3);
        // new rows get ids after the demo's explicit ones
        Response created = api.post("/api/admin/orgs", token, Map.of("parentId", 2, "name", "共青团广州市海珠区委员会", "type", "DISTRICT_LEAGUE"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("id").asLong()).isGreaterThan(9);
    }

    @Test
    void shouldLoadADemoRegistryAcrossTheDemoDistricts() {
        String token = api.login("admin", "qingnuan-demo");
        JsonNode hospitals = api.get("/api/admin/hospitals?size=50", token).body().get("items");
        List<String> levels = new ArrayList<>();
        hospitals.forEach(h -> levels.add(h.get("level").asText()));
        assertThat(levels).contains("MINISTRY_RUN", "PROVINCE_RUN", "CITY_RUN", "COUNTY_RUN");
        JsonNode teams = api.get("/api/admin/medical-teams", token).body();
        assertThat(teams.get("total").asLong()).isEqualTo(2);
        assertThat(teams.get("items").findValues("aidingHubei")).extracting(JsonNode::asBoolean).contains(true, false);
        assertThat(api.get("/api/admin/medical-workers", token).body().get("total").asLong()).isEqualTo(48);

        JsonNode table = api.get("/api/admin/statistics/districts", api.login("gz-dispatcher", "qingnuan-demo")).body();
        java.util.Map<String, Long> perDistrict = new java.util.HashMap<>();
        table.get("rows").forEach(r -> perDistrict.put(r.get("district").asText(), r.get("overall").get("total").asLong()));
        assertThat(perDistrict).containsEntry("广州市天河区", 12L).containsEntry("广州市越秀区", 12L);
        assertThat(table.get("total").get("overall").get("total").asLong()).isEqualTo(24);
        JsonNode worker = api.get("/api/admin/medical-workers?size=1", token).body().get("items").get(0);
        assertThat(worker.get("ownPhone").asText()).contains("****");
    }

    @Test
    void shouldLetANewcomerActAsADemoFamilyInTheMiniProgramApi() {
        JsonNode users = api.get("/api/mini/auth/dev-users", null).body();
        JsonNode family = null;
        for (JsonNode u : users) {
            if ("FAMILY".equals(u.get("role").asText())) {
                family = u;
                break;
            }
        }
        assertThat(family).as(users.toString()).isNotNull();
        Response login = api.post("/api/mini/auth/dev-login", null, Map.of("role", "FAMILY", "subjectId", family.get("subjectId").asLong()));
        assertThat(login.status()).as(login.raw()).isEqualTo(200);
        String token = login.body().get("token").asText();
        long familyId = login.body().get("user").get("roles").get(0).get("familyId").asLong();

        Response submitted = api.post("/api/mini/tickets", token, Map.of("familyId", familyId, "category", "MEALS",
                "description", "两位老人在家，想请志愿者帮忙送几天午饭", "contactMethod", "PHONE_CALL"),
                Map.of("Idempotency-Key", java.util.UUID.randomUUID().toString()));
        assertThat(submitted.status()).as(submitted.raw()).isEqualTo(201);
        // nothing on the WeChat stand-in's word list: no review, neither before its check (just after the 201) nor after
        assertThat(submitted.body().get("underReview").asBoolean()).isFalse();
        String staff = api.login("admin", "qingnuan-demo");
        assertThat(api.get("/api/admin/tickets?review=true", staff).body().get("total").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void shouldShowTwoPublishedDemoStoriesInTheMiniProgramAndToTheirCitiesStaff() {
        JsonNode anyone = api.get("/api/mini/auth/dev-users", null).body().get(0);
        String token = api.post("/api/mini/auth/dev-login", null, Map.of("role", anyone.get("role").asText(),
                "subjectId", anyone.get("subjectId").asLong())).body().get("token").asText();
        JsonNode stories = api.get("/api/mini/stories", token).body();
        assertThat(stories.get("total").asLong()).isEqualTo(2);
        assertThat(stories.get("items").findValuesAsText("subjectKind")).containsExactlyInAnyOrder("VOLUNTEER", "TEAM");
        long id = stories.get("items").get(0).get("id").asLong();
        assertThat(api.get("/api/mini/stories/" + id, token).body().get("body").asText()).isNotBlank();
        // published "now" in Beijing time, as a person reads it, whatever zone this host runs in
        java.time.LocalDateTime published = java.time.LocalDateTime.parse(stories.get("items").get(0).get("publishedAt").asText());
        assertThat(published).isCloseTo(java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai")),
                org.assertj.core.api.Assertions.within(30, java.time.temporal.ChronoUnit.MINUTES));

        assertThat(api.get("/api/admin/stories", api.login("admin", "qingnuan-demo")).body().get("total").asLong()).isEqualTo(2);
        assertThat(api.get("/api/admin/stories", api.login("gz-viewer", "qingnuan-demo")).body().get("items")
                .findValuesAsText("subjectName")).containsExactly("林晓雨");
        // new stories get ids after the demo's explicit ones
        Response created = api.post("/api/admin/stories", api.login("sz-dispatcher", "qingnuan-demo"), Map.of("title", "新的典型",
                "subjectKind", "VOLUNTEER", "subjectName", "张三", "body", "正文"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.body().get("id").asLong()).isGreaterThan(2);
    }

    @Test
    void shouldLetANewcomerActAsADemoVolunteerReadyForDuty() {
        JsonNode volunteer = null;
        for (JsonNode u : api.get("/api/mini/auth/dev-users", null).body()) {
            if ("VOLUNTEER".equals(u.get("role").asText())) {
                volunteer = u;
                break;
            }
        }
        assertThat(volunteer).isNotNull();
        String token = api.post("/api/mini/auth/dev-login", null, Map.of("role", "VOLUNTEER",
                "subjectId", volunteer.get("subjectId").asLong())).body().get("token").asText();
        assertThat(api.get("/api/mini/volunteer/me", token).body().get("dutyGate").get("open").asBoolean()).isTrue();
        Response nearby = api.get("/api/mini/volunteer/tasks/nearby", token);
        assertThat(nearby.status()).isEqualTo(200);
        assertThat(api.get("/api/mini/volunteer/training", token).body().get("questions")).hasSize(3);
        // a claim on H2 as on MariaDB: its plain-JDBC reads (the task, the volunteer's load under their row lock)
        assertThat(nearby.body()).as("the demo volunteer has open tasks nearby").isNotEmpty();
        Response claimed = api.post("/api/mini/volunteer/tasks/" + nearby.body().get(0).get("id").asLong() + "/claim", token, "");
        assertThat(claimed.status()).as(claimed.raw()).isEqualTo(200);
        assertThat(claimed.body().get("status").asText()).isEqualTo("CLAIMED");
        assertThat(claimed.body().get("address").asText()).isNotBlank();
    }

    @Test
    void shouldCountTheDailyLedgerOnH2AsOnMariaDb() throws Exception {
        // the ledger's hand-written SQL (UNION ALL, CASE in GROUP BY, the subtree by path) must run on H2 too
        String gz = api.login("gz-dispatcher", "qingnuan-demo");
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        Response live = api.get("/api/admin/ledger", gz);
        assertThat(live.status()).as(live.raw()).isEqualTo(200);
        assertThat(live.body().get("live").asBoolean()).isTrue();
        Response past = api.get("/api/admin/ledger?date=" + today.minusDays(1), gz);
        assertThat(past.status()).as(past.raw()).isEqualTo(200);
        for (String figure : List.of("new", "claimed", "overdue", "openAtEnd", "category:MEALS")) {
            assertThat(api.get("/api/admin/ledger/drill?figure=" + figure + "&date=" + today.minusDays(1), gz).status())
                    .as(figure).isEqualTo(200);
        }
        assertThat(api.get("/api/admin/ledger/trend?days=3", gz).body()).hasSize(3);
        assertThat(api.get("/api/admin/ledger/status", gz).body()).isNotEmpty();
        Object job = app.getBean(Class.forName("org.qingnuan.ledger.LedgerSnapshots"));
        java.lang.reflect.Method snapshot = job.getClass().getDeclaredMethod("snapshot", java.time.LocalDate.class);
        snapshot.setAccessible(true);
        assertThat((Integer) snapshot.invoke(job, today.minusDays(2))).isPositive();
        assertThat((Integer) snapshot.invoke(job, today.minusDays(2))).isZero();
        assertThat(api.get("/api/admin/ledger?date=" + today.minusDays(2), gz).body().get("live").asBoolean()).isFalse();
    }

    // ---- the stand-ins for WeChat and OSS (issue 15) ------------------------------------------

    private static String miniLogin(String code) {
        Response login = api.post("/api/mini/auth/login", null, Map.of("code", code));
        assertThat(login.status()).as(login.raw()).isEqualTo(200);
        return login.body().get("token").asText();
    }

    @Test
    void shouldSignInWithAnyCodeAndBindADemoPhoneThroughTheWechatStandIn() {
        String token = miniLogin("newcomer-family-1");
        // the same code is the same user
        assertThat(api.get("/api/mini/me", miniLogin("newcomer-family-1")).body().get("id"))
                .isEqualTo(api.get("/api/mini/me", token).body().get("id"));
        Response bound = api.post("/api/mini/me/phone", token, Map.of("code", "demo-phone-13700000001"));
        assertThat(bound.status()).as(bound.raw()).isEqualTo(200);
        assertThat(bound.body().get("roles").findValuesAsText("kind")).contains("FAMILY");

        Response worker = api.post("/api/mini/me/phone", miniLogin("newcomer-worker-1"), Map.of("code", "demo-phone-13900000001"));
        assertThat(worker.body().get("roles").findValuesAsText("kind")).as(worker.raw()).contains("MEDICAL_WORKER");
        assertThat(api.post("/api/mini/me/phone", token, Map.of("code", "not-a-demo-phone")).status()).isNotEqualTo(200);
    }

    @Test
    void shouldHoldARequestWithARiskyOrAReviewWordForStaffOnceItsTextIsChecked() {
        String token = miniLogin("newcomer-family-2");
        long familyId = api.post("/api/mini/me/phone", token, Map.of("code", "demo-phone-13700000003"))
                .body().get("roles").get(0).get("familyId").asLong();
        for (String text : List.of("有人在小区里赌博，很吵", "有事请加我微信详谈")) {
            Response submitted = api.post("/api/mini/tickets", token, Map.of("familyId", familyId, "category", "OTHER",
                    "description", text, "contactMethod", "PHONE_CALL"),
                    Map.of("Idempotency-Key", java.util.UUID.randomUUID().toString()));
            assertThat(submitted.status()).as(submitted.raw()).isEqualTo(201);
            long id = submitted.body().get("id").asLong();
            // the stand-in checks the text right after the 201
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
                    api.get("/api/mini/tickets/" + id, token).body().get("underReview").asBoolean());
        }
    }

    @Test
    void shouldUploadAPhotoWithItsPolicyAndShowItOnlyThroughAValidSignedUrl() throws Exception {
        String token = miniLogin("newcomer-family-3");
        long familyId = api.post("/api/mini/me/phone", token, Map.of("code", "demo-phone-13700000005"))
                .body().get("roles").get(0).get("familyId").asLong();
        byte[] photo = new byte[2048];
        new java.util.Random(7).nextBytes(photo);
        Response policy = api.post("/api/mini/uploads/policy", token, Map.of("contentType", "image/jpeg", "size", photo.length));
        assertThat(policy.status()).as(policy.raw()).isEqualTo(200);
        String url = policy.body().get("url").asText();
        assertThat(url).isEqualTo("/embedded/oss/qingnuan-demo");
        String key = policy.body().get("key").asText();
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        policy.body().get("formFields").fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue().asText()));

        // a file larger than the policy allows, and a form whose key was changed, are refused as OSS refuses them
        assertThat(upload(url, fields, new byte[photo.length + 1]).status()).isEqualTo(400);
        Map<String, String> otherKey = new java.util.LinkedHashMap<>(fields);
        otherKey.put("key", key.replace(".jpg", "-other.jpg"));
        assertThat(upload(url, otherKey, photo).status()).isEqualTo(403);
        Map<String, String> forged = new java.util.LinkedHashMap<>(fields);
        forged.put("x-oss-signature", "0000" + fields.get("x-oss-signature").substring(4));
        assertThat(upload(url, forged, photo).raw()).contains("SignatureDoesNotMatch");
        // V1 (OSSAccessKeyId and signature) is refused, as OSS refuses it for new buckets (issue 17.9)
        Map<String, String> v1 = new java.util.LinkedHashMap<>(fields);
        v1.keySet().removeIf(name -> name.startsWith("x-oss-"));
        v1.put("OSSAccessKeyId", "embedded-demo");
        v1.put("signature", "c2lnbmF0dXJl");
        assertThat(upload(url, v1, photo).raw()).contains("V1 signature is not supported");

        Response uploaded = upload(url, fields, photo);
        assertThat(uploaded.status()).as(uploaded.raw()).isEqualTo(200);
        Response submitted = api.post("/api/mini/tickets", token, Map.of("familyId", familyId, "category", "SUPPLIES",
                "description", "家里缺口罩，照片是剩下的", "contactMethod", "PHONE_CALL", "photoKeys", List.of(key)),
                Map.of("Idempotency-Key", java.util.UUID.randomUUID().toString()));
        assertThat(submitted.status()).as(submitted.raw()).isEqualTo(201);
        // the WeChat stand-in checks the photo as WeChat does: 审核中 at first, its pushed verdict a moment later
        assertThat(submitted.body().get("photos").get(0).get("statusLabel").asText()).isEqualTo("审核中");
        long ticketId = submitted.body().get("id").asLong();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).pollInterval(java.time.Duration.ofMillis(200))
                .until(() -> "PASS".equals(api.get("/api/mini/tickets/" + ticketId, token).body()
                        .get("photos").get(0).get("status").asText()));

        org.qingnuan.storage.PhotoStorage storage = app.getBean(org.qingnuan.storage.PhotoStorage.class);
        String signed = storage.signedUrl(key, java.time.Duration.ofMinutes(1));
        java.net.http.HttpResponse<byte[]> shown = get(signed);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).isEqualTo(photo);
        assertThat(shown.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(signed).contains("x-oss-signature-version=OSS4-HMAC-SHA256").doesNotContain("OSSAccessKeyId");
        assertThat(get(signed.replace("x-oss-expires=", "x-oss-expires=9")).statusCode()).isEqualTo(403);
        assertThat(get(signed.substring(0, signed.indexOf("&x-oss-signature=")) + "&x-oss-signature=forged").statusCode()).isEqualTo(403);
        assertThat(get(signed.substring(0, signed.indexOf('?'))).statusCode()).isEqualTo(403);
        String shortLived = storage.signedUrl(key, java.time.Duration.ofSeconds(1));
        Thread.sleep(2100);
        java.net.http.HttpResponse<byte[]> expired = get(shortLived);
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(new String(expired.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("Request has expired");
    }

    /** What uni.uploadFile sends: a multipart POST, the policy's fields first, the file last in field "file". */
    private static Response upload(String url, Map<String, String> fields, byte[] file) {
        String boundary = "----qingnuan" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n").getBytes(utf8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(utf8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(utf8));
        return api.raw("POST", url, null, "multipart/form-data; boundary=" + boundary,
                java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }

    private static java.net.http.HttpResponse<byte[]> get(String path) throws Exception {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        return java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void shouldRecordSubscribeAndTemplateMessagesAndListThemForAdministrators() throws Exception {
        String token = miniLogin("newcomer-family-4");
        String openId = org.qingnuan.wechat.WechatStandIn.openIdOf("newcomer-family-4");
        long familyId = api.post("/api/mini/me/phone", token, Map.of("code", "demo-phone-13700000007"))
                .body().get("roles").get(0).get("familyId").asLong();
        Response consent = api.post("/api/mini/me/subscriptions", token, Map.of("acceptedTemplateIds", List.of("demo-ticket-progress")));
        assertThat(consent.status()).as(consent.raw()).isEqualTo(200);
        long ticketId = api.post("/api/mini/tickets", token, Map.of("familyId", familyId, "category", "MEALS",
                "description", "想请志愿者帮忙送两天午饭", "contactMethod", "PHONE_CALL"),
                Map.of("Idempotency-Key", java.util.UUID.randomUUID().toString())).body().get("id").asLong();
        String admin = api.login("admin", "qingnuan-demo");
        assertThat(api.post("/api/admin/tickets/" + ticketId + "/accept", admin, Map.of()).status()).isEqualTo(200);
        // a crisis request alerts the demo duty expert with an official-account template message
        Response crisis = api.post("/api/mini/tickets", token, Map.of("familyId", familyId, "category", "PSYCHOLOGICAL",
                "description", "最近压力很大，感觉撑不下去了", "contactMethod", "PHONE_CALL"),
                Map.of("Idempotency-Key", java.util.UUID.randomUUID().toString()));
        assertThat(crisis.status()).as(crisis.raw()).isEqualTo(201);
        // today's prompt of the demo teams (due at midnight) goes to their bound leads
        Object prompts = app.getBean(Class.forName("org.qingnuan.prompt.DailyPrompts"));
        prompts.getClass().getMethod("run").invoke(prompts);

        String orgAdmin = api.login("gd-orgadmin", "qingnuan-demo");
        List<String> seen = new ArrayList<>();
        // a notice the busy sender left for the retry scan goes out with the scan's next run, as in production
        Object notices = app.getBean(Class.forName("org.qingnuan.notice.FamilyNotices"));
        for (int attempt = 0; attempt < 50 && seen.size() < 3; attempt++) {
            seen.clear();
            notices.getClass().getMethod("sendDue").invoke(notices);
            Response listed = api.get("/api/admin/stand-in/messages", orgAdmin);
            assertThat(listed.status()).as(listed.raw()).isEqualTo(200);
            for (JsonNode m : listed.body()) {
                String to = m.get("toUser").asText();
                // the accepted request's progress (which of the two requests' ACCEPT spends the one consent is a race)
                // other messages (another template, a customer-service message without one) lack these fields: path()
                if (to.equals(openId) && m.get("kind").asText().equals("SUBSCRIBE")
                        && m.path("data").path("phrase2").asText().equals("已受理")) {
                    seen.add("subscribe");
                }
                if (to.equals("oDemoExpert1") && m.path("templateId").asText().equals("demo-crisis-alert")) {
                    seen.add("crisis");
                }
                if (to.startsWith("oDemoLead") && m.path("templateId").asText().equals("demo-daily-prompt") && !seen.contains("prompt")) {
                    seen.add("prompt");
                }
            }
            Thread.sleep(200);
        }
        assertThat(seen).containsExactlyInAnyOrder("subscribe", "crisis", "prompt");
        assertThat(api.get("/api/admin/stand-in/messages", api.login("gz-dispatcher", "qingnuan-demo")).status()).isEqualTo(403);
        assertThat(api.get("/api/admin/stand-in/messages", null).status()).isEqualTo(401);
    }

    @Test
    void shouldShowDemoRequestsInEveryStatusOnTheBoardAndTheLedger() {
        String admin = api.login("admin", "qingnuan-demo");
        JsonNode statuses = api.get("/api/admin/ledger/status", admin).body();
        List<String> empty = new ArrayList<>();
        statuses.forEach(s -> {
            if (s.get("count").asLong() == 0) {
                empty.add(s.get("status").asText());
            }
        });
        assertThat(empty).isEmpty();
        assertThat(api.get("/api/admin/ledger", admin).body().get("newTotal").asLong()).isPositive();
        // the district dispatcher sees their district's requests only
        String tianhe = api.login("th-dispatcher", "qingnuan-demo");
        JsonNode board = api.get("/api/admin/tickets?size=100", tianhe).body();
        assertThat(board.get("total").asLong()).isPositive().isLessThan(api.get("/api/admin/tickets?size=100", admin).body().get("total").asLong());
    }

    @Test
    void shouldOfferADemoUserForEveryRoleAndEveryStepOfTheDutyGate() {
        JsonNode users = api.get("/api/mini/auth/dev-users", null).body();
        assertThat(users.findValuesAsText("role")).contains("FAMILY", "MEDICAL_WORKER", "TEAM_CONTACT", "VOLUNTEER");
        String labels = String.join(",", users.findValuesAsText("label"));
        assertThat(labels).contains("可上岗", "待审核", "未通过防护培训", "未登记保险");
    }

    @Test
    void shouldAcceptASignedOfficialAccountMessageWithTheDemoToken() throws Exception {
        String timestamp = String.valueOf(java.time.Instant.now().getEpochSecond());
        String nonce = "12345";
        String[] parts = {"qingnuan-demo", timestamp, nonce};
        java.util.Arrays.sort(parts);
        String signature = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1")
                .digest(String.join("", parts).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        String xml = "<xml><ToUserName><![CDATA[gh_demo]]></ToUserName><FromUserName><![CDATA[oDemoFollower]]></FromUserName>"
                + "<CreateTime>" + timestamp + "</CreateTime><MsgType><![CDATA[text]]></MsgType>"
                + "<Content><![CDATA[你好]]></Content><MsgId>" + System.nanoTime() + "</MsgId></xml>";
        String query = "?signature=" + signature + "&timestamp=" + timestamp + "&nonce=" + nonce;
        Response accepted = api.raw("POST", "/wx/mp/callback" + query, null, "text/xml",
                java.net.http.HttpRequest.BodyPublishers.ofString(xml));
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
        assertThat(accepted.raw()).isEqualTo("success");
        Response forged = api.raw("POST", "/wx/mp/callback" + query.replace("nonce=12345", "nonce=54321"), null, "text/xml",
                java.net.http.HttpRequest.BodyPublishers.ofString(xml));
        assertThat(forged.status()).isEqualTo(403);
    }
}
