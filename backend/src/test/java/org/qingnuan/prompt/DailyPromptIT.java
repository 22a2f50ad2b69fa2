package org.qingnuan.prompt;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qingnuan.QingnuanApplication;
import org.qingnuan.org.OrgUnit;
import org.qingnuan.prompt.internal.TeamBindingMapper;
import org.qingnuan.staff.StaffRole;
import org.qingnuan.testing.Api.Response;
import org.qingnuan.testing.Fixtures;
import org.qingnuan.testing.IntegrationTest;
import org.qingnuan.testing.WechatApiStub;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The daily prompt: once per team per day with two instances racing, after a restart, with retries. */
class DailyPromptIT extends IntegrationTest {

    static final String TEMPLATE_SEND = "/cgi-bin/message/template/send";
    static ConfigurableApplicationContext secondInstance;

    @Autowired
    DailyPrompts prompts;
    @Autowired
    TeamBindingMapper bindings;
    @Autowired
    JdbcTemplate jdbc;

    String admin;
    String adminUsername;
    long teamId;

    @BeforeEach
    void deployedTeam() {
        OrgUnit city = fixtures.city("提示市");
        adminUsername = fixtures.staff(city, StaffRole.ORG_ADMIN).getUsername();
        admin = api.login(adminUsername, Fixtures.PASSWORD);
        teamId = api.post("/api/admin/medical-teams", admin, Map.of("name", "提示测试医疗队" + Fixtures.unique(),
                "destination", "湖北武汉", "aidingHubei", true, "batch", 1, "status", "DEPLOYED")).body().get("id").asLong();
        assertThat(api.put("/api/admin/medical-teams/" + teamId + "/prompt-schedule", admin,
                Map.of("promptTime", "00:00", "enabled", true)).status()).isEqualTo(200);
    }

    @AfterAll
    static void stopSecondInstance() {
        if (secondInstance != null) {
            secondInstance.close();
        }
    }

    @Test
    void shouldPromptEachTeamOnceADayWhenTwoInstancesRace() throws Exception {
        List<String> followers = List.of(bind("oLead"), bind("oLiaison"), bind("oLead"));
        DailyPrompts other = second().getBean(DailyPrompts.class);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> runs = new ArrayList<>();
        for (DailyPrompts instance : List.of(prompts, prompts, other, other)) {
            runs.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < 3; i++) {
                    instance.run();
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> run : runs) {
            run.get();
        }
        pool.shutdown();

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM daily_prompt WHERE team_id = ? AND prompt_date = ?",
                Long.class, teamId, today)).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT status FROM prompt_delivery WHERE team_id = ?", String.class, teamId))
                .hasSize(3).containsOnly("SENT");
        for (String openId : followers) {
            assertThat(WechatApiStub.get().count(TEMPLATE_SEND, "\"" + openId + "\"")).as(openId).isEqualTo(1);
        }
        assertThat(WechatApiStub.get().calls(TEMPLATE_SEND)).anySatisfy(call -> assertThat(call.body())
                .contains("提示测试医疗队").contains("请报告今日一线物资和其他需求").contains("thing1"));

        var view = api.get("/api/admin/medical-teams/" + teamId + "/prompts", admin).body();
        assertThat(view.get(0).get("deliveries")).hasSize(3);
        assertThat(view.get(0).get("deliveries").get(0).get("status").asText()).isEqualTo("SENT");
    }

    @Test
    void shouldCarryYesterdaysFiguresInThePrompt() {
        String openId = bind("oFigures");
        LocalDate yesterday = LocalDate.now(clock).minusDays(1);
        jdbc.update("INSERT INTO demand_report (team_id, org_id, report_date, source, created_at, updated_at)"
                + " SELECT id, org_id, ?, 'WECHAT_TEXT', NOW(), NOW() FROM medical_team WHERE id = ?", yesterday, teamId);
        long reportId = jdbc.queryForObject("SELECT id FROM demand_report WHERE team_id = ?", Long.class, teamId);
        String item = "INSERT INTO demand_item (report_id, team_id, org_id, kind, name, quantity, unit, delivered_quantity,"
                + " created_at, updated_at) SELECT ?, id, org_id, ?, ?, ?, '个', ?, NOW(), NOW() FROM medical_team WHERE id = ?";
        jdbc.update(item, reportId, "SUPPLY", "N95口罩", 100, 100, teamId);
        jdbc.update(item, reportId, "SUPPLY", "防护服", 50, 10, teamId);
        jdbc.update(item, reportId, "OTHER", "需要心理疏导", null, 0, teamId);

        prompts.run();

        assertThat(WechatApiStub.get().calls(TEMPLATE_SEND)).anySatisfy(call -> assertThat(call.body())
                .contains(openId).contains("昨日需求3项：在办1项，已送达1项"));
    }

    @Test
    void shouldAlsoPromptTheTeamsWecomGroupOnceThroughItsRobot() {
        String key = "wecom-" + java.util.UUID.randomUUID();
        Response bad = api.put("/api/admin/medical-teams/" + teamId + "/prompt-schedule", admin,
                Map.of("promptTime", "00:00", "enabled", true, "wecomWebhook", "not a webhook"));
        assertThat(bad.fieldError("wecomWebhook")).isNotBlank();
        Response set = api.put("/api/admin/medical-teams/" + teamId + "/prompt-schedule", admin, Map.of("promptTime", "00:00",
                "enabled", true, "wecomWebhook", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=" + key));
        assertThat(set.body().get("wecomConfigured").asBoolean()).isTrue();
        assertThat(set.raw()).doesNotContain(key);
        assertThat(jdbc.queryForObject("SELECT wecom_webhook_sealed FROM medical_team WHERE id = ?", String.class, teamId))
                .doesNotContain(key);

        prompts.run();
        prompts.run();
        List<WechatApiStub.Call> posted = WechatApiStub.get().calls("/cgi-bin/webhook/send").stream()
                .filter(c -> c.query().contains(key)).toList();
        assertThat(posted).hasSize(1);
        assertThat(posted.get(0).body()).contains("\"msgtype\":\"markdown\"").contains("提示测试医疗队").contains("昨日需求");
        assertThat(jdbc.queryForObject("SELECT status FROM prompt_delivery WHERE team_id = ? AND channel = 'WECOM_ROBOT'",
                String.class, teamId)).isEqualTo("SENT");
    }

    @Test
    void shouldGiveUpOnARobotRemovedFromItsGroup() {
        api.put("/api/admin/medical-teams/" + teamId + "/prompt-schedule", admin,
                Map.of("promptTime", "00:00", "enabled", true, "wecomWebhook", "bad-" + java.util.UUID.randomUUID()));
        prompts.run();
        assertThat(jdbc.queryForObject("SELECT status FROM prompt_delivery WHERE team_id = ? AND channel = 'WECOM_ROBOT'",
                String.class, teamId)).isEqualTo("GAVE_UP");
        assertThat(api.put("/api/admin/medical-teams/" + teamId + "/prompt-schedule", admin,
                Map.of("promptTime", "00:00", "enabled", true, "wecomWebhook", "")).body().get("wecomConfigured").asBoolean()).isFalse();
    }

    @Test
    void shouldSendAgainWhatARestartCutShortButNothingTwice() {
        String openId = bind("oRestart");
        prompts.createDuePrompts();
        // as if an instance had claimed the delivery and died before it finished
        jdbc.update("UPDATE prompt_delivery SET status = 'SENDING', attempts = 1, updated_at = ? WHERE team_id = ?",
                java.time.LocalDateTime.now(ZoneId.of("Asia/Shanghai")).minusMinutes(1), teamId);
        prompts.deliverDue();
        assertThat(WechatApiStub.get().count(TEMPLATE_SEND, openId)).as("still in flight elsewhere").isZero();

        clock.advance(Duration.ofMinutes(2));
        prompts.deliverDue();
        prompts.deliverDue();
        assertThat(WechatApiStub.get().count(TEMPLATE_SEND, openId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT status FROM prompt_delivery WHERE team_id = ?", String.class, teamId)).isEqualTo("SENT");
    }

    @Test
    void shouldNotLetALateAttemptOverwriteTheOneThatTookItOver(@Autowired org.qingnuan.prompt.internal.PromptDeliveryMapper deliveries) {
        String openId = bind("oTakenOver");
        prompts.createDuePrompts();
        // instance A claimed it (attempt 1) and then hung longer than stale-after
        jdbc.update("UPDATE prompt_delivery SET status = 'SENDING', attempts = 1, updated_at = ? WHERE team_id = ?",
                java.time.LocalDateTime.now(clock).minusMinutes(3), teamId);
        long id = jdbc.queryForObject("SELECT id FROM prompt_delivery WHERE team_id = ?", Long.class, teamId);
        prompts.deliverDue();
        assertThat(WechatApiStub.get().count(TEMPLATE_SEND, openId)).as("taken over and sent (attempt 2)").isEqualTo(1);

        // A wakes up and reports its own attempt as failed: it must not undo B's SENT, or B's send is repeated
        int changed = deliveries.finish(id, 1, "FAILED", java.time.LocalDateTime.now(clock), "errcode 45009", null,
                java.time.LocalDateTime.now(clock));
        assertThat(changed).isZero();
        assertThat(jdbc.queryForObject("SELECT status FROM prompt_delivery WHERE id = ?", String.class, id)).isEqualTo("SENT");
        clock.advance(Duration.ofMinutes(10));
        prompts.deliverDue();
        assertThat(WechatApiStub.get().count(TEMPLATE_SEND, openId)).isEqualTo(1);
    }

    @Test
    void shouldRetryWithGrowingPausesAndStopAtFinalRefusals() {
        String failing = bind("oFail");
        String unfollowed = bind("oGone");
        prompts.run();
        assertThat(status(failing)).isEqualTo("FAILED");
        assertThat(status(unfollowed)).as("not following: retrying cannot help").isEqualTo("GAVE_UP");

        prompts.run();
        assertThat(WechatApiStub.get().count(TEMPLATE_SEND, failing)).as("waits a minute first").isEqualTo(1);
        clock.advance(Duration.ofSeconds(61));
        prompts.run();
        assertThat(WechatApiStub.get().count(TEMPLATE_SEND, failing)).isEqualTo(2);
        clock.advance(Duration.ofMinutes(2));
        prompts.run();
        assertThat(WechatApiStub.get().count(TEMPLATE_SEND, failing)).as("second pause is five minutes").isEqualTo(2);
        assertThat(WechatApiStub.get().count(TEMPLATE_SEND, unfollowed)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT last_error FROM prompt_delivery WHERE open_id = ?", String.class, failing))
                .isEqualTo("errcode 45009");
    }

    @Test
    void shouldRemindTeamsThatHaveNotReportedByTheEveningOnce() {
        java.time.LocalTime now = java.time.LocalTime.now(ZoneId.of("Asia/Shanghai"));
        if (now.isBefore(java.time.LocalTime.of(19, 0))) {
            clock.advance(Duration.between(now, java.time.LocalTime.of(19, 0)));
            // hours later the morning's session has expired (30 min idle): sign in again
            admin = api.login(adminUsername, Fixtures.PASSWORD);
        }
        String silent = bind("oSilent");
        long reportingTeam = api.post("/api/admin/medical-teams", admin, Map.of("name", "已报告医疗队" + Fixtures.unique(),
                "destination", "湖北武汉", "status", "DEPLOYED")).body().get("id").asLong();
        api.put("/api/admin/medical-teams/" + reportingTeam + "/prompt-schedule", admin, Map.of("promptTime", "00:00", "enabled", true));
        long silentTeam = teamId;
        teamId = reportingTeam;
        String reporter = bind("oReported");
        teamId = silentTeam;
        LocalDate today = LocalDate.now(clock);
        jdbc.update("INSERT INTO demand_report (team_id, org_id, report_date, source, raw_text, created_at, updated_at)"
                        + " SELECT id, org_id, ?, 'WECHAT_TEXT', '需求 口罩 10个', NOW(), NOW() FROM medical_team WHERE id = ?",
                today, reportingTeam);

        prompts.run();
        prompts.run();

        String custom = "/cgi-bin/message/custom/send";
        assertThat(WechatApiStub.get().calls(custom).stream()
                .filter(c -> c.body().contains(silent) && c.body().contains("还没有报告")).count()).isEqualTo(1);
        assertThat(WechatApiStub.get().count(custom, reporter)).isZero();
        var silentView = api.get("/api/admin/medical-teams/" + silentTeam + "/prompts", admin).body().get(0);
        assertThat(silentView.get("reported").asBoolean()).isFalse();
        assertThat(silentView.get("remindedAt").isNull()).isFalse();
        var reportedView = api.get("/api/admin/medical-teams/" + reportingTeam + "/prompts", admin).body().get(0);
        assertThat(reportedView.get("reported").asBoolean()).isTrue();
    }

    private String bind(String prefix) {
        String openId = prefix + Long.toHexString(ThreadLocalRandom.current().nextLong());
        TeamBinding b = new TeamBinding();
        b.setTeamId(teamId);
        b.setOrgId(jdbc.queryForObject("SELECT org_id FROM medical_team WHERE id = ?", Long.class, teamId));
        b.setOpenId(openId);
        b.setSource(TeamBinding.Source.INVITE_CODE);
        bindings.insert(b);
        return openId;
    }

    private String status(String openId) {
        return jdbc.queryForObject("SELECT status FROM prompt_delivery WHERE open_id = ?", String.class, openId);
    }

    /** A second application instance on the same MariaDB and Redis, as in a two-node deployment. */
    private static synchronized ConfigurableApplicationContext second() {
        if (secondInstance == null) {
            secondInstance = new SpringApplicationBuilder(QingnuanApplication.class).profiles("prod").run(
                    "--server.port=0",
                    "--qingnuan.scheduling.enabled=false",
                    "--qingnuan.crypto.active-key-id=t2",
                    "--qingnuan.crypto.keys=t1:Lkm6SwALvbOpmVm26TMCeGrTEik2oQ1zU/zEOYLjPjU=,t2:iGW6Shp5G2X9WIFWfuEZHZN9XtqsmD8w53miMRiaa6Q=",
                    "--qingnuan.crypto.blind-index-key=+vgAYyxp2S51NEQphO/CQ1hdVsvo7DOMeWLIJrSjCDs=",
                    "--qingnuan.wechat.mp.app-id=" + MP_APP_ID, "--qingnuan.wechat.mp.secret=stub-app-secret",
                    "--qingnuan.wechat.mp.token=" + MP_TOKEN, "--qingnuan.wechat.mp.aes-key=" + MP_AES_KEY,
                    "--qingnuan.wechat.mp.api-host=" + WechatApiStub.get().baseUrl());
        }
        return secondInstance;
    }
}
