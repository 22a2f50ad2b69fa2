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
                "--spring.datasource.url=jdbc:h2:mem:embedded-it;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=VALUE,USER;DB_CLOSE_DELAY=-1",
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
    void shouldSignInEveryDemoAccountWithTheSharedPassword() {
        List<String> demo = List.of("admin", "gd-orgadmin", "gd-dispatcher", "gd-viewer",
                "gz-superadmin", "gz-orgadmin", "gz-dispatcher", "gz-viewer", "sz-orgadmin", "sz-dispatcher");
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
        // no AppID here, so WeChat cannot check the text: it waits for staff instead of going out unchecked
        assertThat(submitted.body().get("underReview").asBoolean()).isTrue();
        assertThat(api.post("/api/mini/uploads/policy", token, Map.of("contentType", "image/jpeg", "size", 1000)).code())
                .isEqualTo("PHOTO_STORAGE_UNAVAILABLE");
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
        assertThat(api.get("/api/mini/volunteer/tasks/nearby", token).status()).isEqualTo(200);
        assertThat(api.get("/api/mini/volunteer/training", token).body().get("questions")).hasSize(3);
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
}
