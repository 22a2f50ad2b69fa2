package org.qingnuan.ticket;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qingnuan.alert.CrisisAlerts;
import org.qingnuan.identity.UserSessions;
import org.qingnuan.notice.FamilyNotices;
import org.qingnuan.privacy.PersonalDataCipher;
import org.qingnuan.testing.Api.Response;
import org.qingnuan.testing.CommitMoment;
import org.qingnuan.testing.DutyReadyVolunteers;
import org.qingnuan.testing.Fixtures;
import org.qingnuan.testing.IntegrationTest;
import org.qingnuan.testing.People;
import org.qingnuan.testing.WechatApiStub;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a process dying between a commit and its after-commit listeners would leave ({@link CommitMoment}, read over a
 * connection of its own): the crisis alert and its list of people to tell, the family's notices and the volunteer's
 * hours are already committed with the change itself, and nothing has been sent yet. The sends go out from those rows,
 * at once after commit or, when that fails or never happens, from the retry scans.
 */
class AfterCommitDurabilityIT extends IntegrationTest {

    @Autowired
    CommitMoment commitMoment;
    @Autowired
    javax.sql.DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CrisisAlerts crisisAlerts;
    @Autowired
    FamilyNotices familyNotices;
    @Autowired
    UserSessions userSessions;
    @Autowired
    PersonalDataCipher cipher;

    private final WechatApiStub wechat = WechatApiStub.get();

    @AfterEach
    void disarm() {
        commitMoment.disarm();
    }

    @Test
    void aCrisisAlertAndWhoToTellAreCommittedWithTheRequestAndSentFromTheRows() {
        FamilyOnMiniProgram family = FamilyOnMiniProgram.register(api, fixtures, "武汉", "oFam");
        String expertOpenId = "oExpert" + Fixtures.unique();
        assertThat(api.post("/api/admin/duty-experts", family.dispatcherToken,
                Map.of("name", "李心理", "phone", People.mobile(), "openId", expertOpenId)).status()).isEqualTo(201);
        Map<String, Object> body = new HashMap<>(family.request("孩子妈妈在一线，我一个人带孩子，真的活不下去了"));
        body.put("category", "PSYCHOLOGICAL");

        commitMoment.arm(ticketId -> Map.of(
                "ticket", ticketId,
                "alerts", count("SELECT COUNT(*) FROM staff_alert WHERE ticket_id = ? AND kind = 'CRISIS'", ticketId),
                "pending", count("SELECT COUNT(*) FROM crisis_alert_delivery WHERE ticket_id = ? AND status = 'PENDING'", ticketId),
                "sent", wechat.count("/cgi-bin/message/template/send", expertOpenId)));
        long id = FamilyOnMiniProgram.id(family.submit(api, UUID.randomUUID().toString(), body));

        Map<String, Object> atCommit = commitMoment.seen();
        assertThat(atCommit).as("the probe ran at the commit of the crisis").isNotNull().containsEntry("ticket", id);
        assertThat(atCommit).as("alert and who to tell committed with the request, nothing sent yet")
                .containsEntry("alerts", 1L).containsEntry("pending", 1L).containsEntry("sent", 0L);
        // then, after commit, the send from that row
        assertThat(wechat.count("/cgi-bin/message/template/send", expertOpenId)).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT status FROM crisis_alert_delivery WHERE ticket_id = ?", String.class, id))
                .containsExactly("SENT");

        // a process that died at that instant leaves the row PENDING: the scan of the next start sends it
        jdbc.update("UPDATE crisis_alert_delivery SET status = 'PENDING' WHERE ticket_id = ?", id);
        crisisAlerts.sendDue();
        assertThat(wechat.count("/cgi-bin/message/template/send", expertOpenId)).isEqualTo(2);
        crisisAlerts.sendDue();
        assertThat(wechat.count("/cgi-bin/message/template/send", expertOpenId)).as("sent, then never again").isEqualTo(2);
    }

    @Test
    void aCrisisAlertRefusedByWechatIsRetriedWithBackOff() {
        FamilyOnMiniProgram family = FamilyOnMiniProgram.register(api, fixtures, "武汉", "oFam");
        String expertOpenId = "oExpert" + Fixtures.unique();
        api.post("/api/admin/duty-experts", family.dispatcherToken,
                Map.of("name", "王心理", "phone", People.mobile(), "openId", expertOpenId));
        Map<String, Object> body = new HashMap<>(family.request("我真的撑不下去了，不想活了"));
        body.put("category", "PSYCHOLOGICAL");
        wechat.failNext("/cgi-bin/message/template/send", 45009);
        long ticketId = FamilyOnMiniProgram.id(family.submit(api, UUID.randomUUID().toString(), body));
        assertThat(jdbc.queryForObject("SELECT last_errcode FROM crisis_alert_delivery WHERE ticket_id = ?", Integer.class,
                ticketId)).isEqualTo(45009);
        crisisAlerts.sendDue();
        assertThat(wechat.count("/cgi-bin/message/template/send", expertOpenId)).as("not before the back-off").isEqualTo(1);
        clock.advance(Duration.ofMinutes(2));
        crisisAlerts.sendDue();
        assertThat(wechat.count("/cgi-bin/message/template/send", expertOpenId)).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT status FROM crisis_alert_delivery WHERE ticket_id = ?", String.class, ticketId))
                .containsExactly("SENT");
    }

    @Test
    void aFamilysNoticeIsCommittedWithTheMoveAndSentFromTheOutbox() {
        FamilyOnMiniProgram family = FamilyOnMiniProgram.register(api, fixtures, "武汉", "oFam");
        api.post("/api/mini/me/subscriptions", family.token, Map.of("acceptedTemplateIds", List.of(TICKET_TEMPLATE_ID)));
        long ticketId = FamilyOnMiniProgram.id(family.submit(api, UUID.randomUUID().toString(), family.request("请帮忙买一袋米")));

        commitMoment.arm(id -> Map.of(
                "pending", count("SELECT COUNT(*) FROM subscribe_notice WHERE ticket_id = ? AND status = 'PENDING'", id),
                "sent", wechat.count("/cgi-bin/message/subscribe/send", family.openId)));
        assertThat(api.post("/api/admin/tickets/" + ticketId + "/accept", family.dispatcherToken, Map.of()).status()).isEqualTo(200);
        Map<String, Object> atCommit = commitMoment.seen();
        assertThat(atCommit).as("queued with the move, nothing sent yet").containsEntry("pending", 1L).containsEntry("sent", 0L);

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(jdbc.queryForList("SELECT status FROM subscribe_notice WHERE ticket_id = ?", String.class, ticketId))
                        .containsExactly("SENT"));
        assertThat(wechat.count("/cgi-bin/message/subscribe/send", family.openId)).isEqualTo(1);
    }

    @Test
    void serviceHoursAreCommittedWithTheConfirmation() {
        FamilyOnMiniProgram family = FamilyOnMiniProgram.register(api, fixtures, "武汉", "oFam");
        jdbc.update("UPDATE family SET latitude = 30.583000, longitude = 114.285000 WHERE id = ?", family.familyId);
        DutyReadyVolunteers.Ready volunteer = new DutyReadyVolunteers(jdbc, userSessions, cipher)
                .create(family.district, 30.590000, 114.290000);
        long ticketId = FamilyOnMiniProgram.id(family.submit(api, UUID.randomUUID().toString(), family.request("请帮忙取药")));
        api.post("/api/admin/tickets/" + ticketId + "/accept", family.dispatcherToken, Map.of());
        api.post("/api/admin/tickets/" + ticketId + "/open", family.dispatcherToken, Map.of());
        String task = "/api/mini/volunteer/tasks/" + ticketId;
        assertThat(api.post(task + "/claim", volunteer.token(), "").status()).isEqualTo(200);
        api.post(task + "/start", volunteer.token(), "");
        clock.advance(Duration.ofMinutes(50));
        assertThat(api.post(task + "/complete", volunteer.token(), Map.of("note", "药已送到")).status()).isEqualTo(200);

        commitMoment.arm(id -> count("SELECT COUNT(*) FROM service_hours WHERE ticket_id = ?", id));
        assertThat(api.post("/api/mini/tickets/" + ticketId + "/confirm", family.token, Map.of("rating", 5)).status())
                .isEqualTo(200);
        assertThat((Long) commitMoment.seen()).as("the hours committed with the confirmation").isEqualTo(1L);
        assertThat(jdbc.queryForObject("SELECT hours FROM service_hours WHERE ticket_id = ? AND volunteer_id = ?",
                java.math.BigDecimal.class, ticketId, volunteer.volunteerId())).isEqualByComparingTo("0.75");
        assertThat(api.get("/api/mini/volunteer/hours", volunteer.token()).body().get("totalHours").decimalValue())
                .isEqualByComparingTo("0.75");
    }

    @Test
    void nothingIsWrittenWhenTheChangeItselfRollsBack() {
        // the same-transaction writes go with the change: a refused move leaves no notice, no hours
        FamilyOnMiniProgram family = FamilyOnMiniProgram.register(api, fixtures, "武汉", "oFam");
        long ticketId = FamilyOnMiniProgram.id(family.submit(api, UUID.randomUUID().toString(), family.request("请帮忙买菜")));
        assertThat(api.post("/api/mini/tickets/" + ticketId + "/confirm", family.token, Map.of("rating", 5)).status())
                .isEqualTo(409);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM service_hours WHERE ticket_id = ?", Long.class, ticketId)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM subscribe_notice WHERE ticket_id = ?", Long.class, ticketId)).isZero();
    }

    /** A count over a connection of the probe's own: it sees committed rows only. */
    private long count(String sql, long ticketId) {
        try (java.sql.Connection c = dataSource.getConnection();
             java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, ticketId);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
