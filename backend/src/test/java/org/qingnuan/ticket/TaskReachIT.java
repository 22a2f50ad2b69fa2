package org.qingnuan.ticket;

import org.junit.jupiter.api.Test;
import org.qingnuan.identity.UserSessions;
import org.qingnuan.privacy.PersonalDataCipher;
import org.qingnuan.testing.Api.Response;
import org.qingnuan.testing.DutyReadyVolunteers;
import org.qingnuan.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, item 4: a volunteer claimed any open task by id, in another city, and then read the family's
 * address and phone; claim-and-release harvested addresses. Claims are limited to what the nearby list shows,
 * and a volunteer's day of claims and releases is limited, with staff alerted.
 */
class TaskReachIT extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserSessions sessions;
    @Autowired
    PersonalDataCipher cipher;

    @Test
    void aVolunteerCannotClaimATaskInAnotherCityByItsId() {
        FamilyOnMiniProgram wuhan = FamilyOnMiniProgram.register(api, fixtures, "武汉", "oFam");
        FamilyOnMiniProgram shenzhen = FamilyOnMiniProgram.register(api, fixtures, "深圳", "oFam");
        jdbc.update("UPDATE family SET latitude = 30.583000, longitude = 114.285000 WHERE id = ?", wuhan.familyId);
        jdbc.update("UPDATE family SET latitude = 22.543000, longitude = 114.057000 WHERE id = ?", shenzhen.familyId);
        DutyReadyVolunteers ready = new DutyReadyVolunteers(jdbc, sessions, cipher);
        DutyReadyVolunteers.Ready local = ready.create(wuhan.district, 30.590000, 114.290000);
        DutyReadyVolunteers.Ready second = ready.create(shenzhen.district, 22.540000, 114.050000);
        long far = open(shenzhen, "请帮忙买些药");

        Response claimed = api.post("/api/mini/volunteer/tasks/" + far + "/claim", local.token(), "");
        assertThat(claimed.status()).as(claimed.raw()).isEqualTo(404);
        assertThat(claimed.code()).isEqualTo("TICKET_NOT_FOUND");
        assertThat(claimed.raw()).doesNotContain(shenzhen.homeAddress).doesNotContain(shenzhen.familyPhone);
        assertThat(jdbc.queryForObject("SELECT status FROM help_ticket WHERE id = ?", String.class, far)).isEqualTo("OPEN");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM personal_data_access WHERE subject_type = 'HELP_TICKET'"
                + " AND subject_id = ?", Long.class, far)).as("nothing revealed").isZero();
        assertThat(api.get("/api/mini/volunteer/tasks/nearby", local.token()).raw()).doesNotContain("\"id\":" + far + ",");

        // the volunteer of that city, who sees it nearby, claims it
        assertThat(api.get("/api/mini/volunteer/tasks/nearby", second.token()).raw()).contains("\"id\":" + far + ",");
        Response theirs = api.post("/api/mini/volunteer/tasks/" + far + "/claim", second.token(), "");
        assertThat(theirs.status()).as(theirs.raw()).isEqualTo(200);
        assertThat(theirs.body().get("address").asText()).isEqualTo(shenzhen.homeAddress);
    }

    @Test
    void claimAndReleaseStopsAfterTheDaysReleasesAndAlertsTheVolunteersOrganisation() {
        FamilyOnMiniProgram family = FamilyOnMiniProgram.register(api, fixtures, "武汉", "oFam");
        jdbc.update("UPDATE family SET latitude = 30.583000, longitude = 114.285000 WHERE id = ?", family.familyId);
        DutyReadyVolunteers.Ready v = new DutyReadyVolunteers(jdbc, sessions, cipher).create(family.district, 30.590000, 114.290000);

        // the harvest: claim (the address is shown), release, next one — three times is the day's allowance
        for (int i = 0; i < 3; i++) {
            long id = open(family, "请帮忙买菜 " + i);
            Response claimed = api.post("/api/mini/volunteer/tasks/" + id + "/claim", v.token(), "");
            assertThat(claimed.status()).as(claimed.raw()).isEqualTo(200);
            assertThat(api.post("/api/mini/volunteer/tasks/" + id + "/release", v.token(), Map.of("reason", "临时有事")).status())
                    .isEqualTo(200);
        }
        long fourth = open(family, "请帮忙取快递");
        Response refused = api.post("/api/mini/volunteer/tasks/" + fourth + "/claim", v.token(), "");
        assertThat(refused.status()).as(refused.raw()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("RELEASE_LIMIT_REACHED");
        assertThat(refused.body().get("message").asText()).contains("已放弃 3 个任务");
        assertThat(refused.raw()).doesNotContain(family.homeAddress);
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 24 * 3600L);
        assertThat(jdbc.queryForObject("SELECT status FROM help_ticket WHERE id = ?", String.class, fourth)).isEqualTo("OPEN");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM help_ticket WHERE id = ? AND claimed_by IS NOT NULL",
                Long.class, fourth)).isZero();

        // the second and third release alerted the volunteer's organisation
        assertThat(jdbc.queryForList("SELECT title FROM staff_alert WHERE kind = 'RELEASE_PATTERN' AND org_id = ? ORDER BY id",
                String.class, family.district.getId())).hasSize(2).allMatch(t -> t.contains("编号 " + v.volunteerId()));
        assertThat(api.get("/api/admin/alerts", family.dispatcherToken).raw()).contains("今天已放弃 3 个任务");

        // a new day, a new allowance
        clock.advance(java.time.Duration.ofDays(1));
        Response nextDay = api.post("/api/mini/volunteer/tasks/" + fourth + "/claim", v.token(), "");
        assertThat(nextDay.status()).as(nextDay.raw()).isEqualTo(200);
    }

    @Test
    void parallelClaimsOfOneVolunteerCountOnceEachAgainstTheDaysClaims() throws Exception {
        FamilyOnMiniProgram family = FamilyOnMiniProgram.register(api, fixtures, "武汉", "oFam");
        jdbc.update("UPDATE family SET latitude = 30.583000, longitude = 114.285000 WHERE id = ?", family.familyId);
        DutyReadyVolunteers.Ready v = new DutyReadyVolunteers(jdbc, sessions, cipher).create(family.district, 30.590000, 114.290000);
        // eight claims done today already (history rows as the lifecycle writes them), the limit is 10
        for (int i = 0; i < 8; i++) {
            jdbc.update("INSERT INTO help_ticket_event (ticket_id, org_id, action, from_status, to_status, actor_type, actor_id,"
                    + " actor_name, created_at) VALUES (0, ?, 'CLAIM', 'OPEN', 'CLAIMED', 'VOLUNTEER', ?, 'v', ?)",
                    family.district.getId(), v.volunteerId(), java.sql.Timestamp.valueOf(java.time.LocalDateTime.now(clock)));
        }
        java.util.List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(open(family, "请帮忙送饭 " + i));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.Future<Response>> answers = new java.util.ArrayList<>();
            for (long id : ids) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return api.post("/api/mini/volunteer/tasks/" + id + "/claim", v.token(), "");
                }));
            }
            start.countDown();
            java.util.List<String> outcomes = new java.util.ArrayList<>();
            for (var a : answers) {
                Response r = a.get();
                outcomes.add(r.status() == 200 ? "OK" : r.code());
            }
            assertThat(outcomes).filteredOn("OK"::equals).hasSize(2);
            assertThat(outcomes).filteredOn("CLAIM_LIMIT_REACHED"::equals).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private long open(FamilyOnMiniProgram family, String text) {
        long id = FamilyOnMiniProgram.id(family.submit(api, UUID.randomUUID().toString(), family.request(text)));
        api.post("/api/admin/tickets/" + id + "/accept", family.dispatcherToken, Map.of());
        api.post("/api/admin/tickets/" + id + "/open", family.dispatcherToken, Map.of());
        return id;
    }
}
