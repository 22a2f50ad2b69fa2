package org.qingnuan.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qingnuan.identity.UserSessions;
import org.qingnuan.org.OrgType;
import org.qingnuan.org.OrgUnit;
import org.qingnuan.privacy.PersonalDataCipher;
import org.qingnuan.staff.StaffAccount;
import org.qingnuan.staff.StaffRole;
import org.qingnuan.testing.Api.Response;
import org.qingnuan.testing.DutyReadyVolunteers;
import org.qingnuan.testing.Fixtures;
import org.qingnuan.testing.IntegrationTest;
import org.qingnuan.testing.WechatApiStub;
import org.qingnuan.ticket.FamilyOnMiniProgram;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Referral of a request to a responsible unit and everything after it, in one city with a district and two
 * partner units under it, and a second city whose staff must see none of it.
 */
class DispatchIT extends IntegrationTest {

    private static final String TEMPLATE_SEND = "/cgi-bin/message/template/send";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserSessions sessions;
    @Autowired
    PersonalDataCipher cipher;
    @Autowired
    OverdueScan overdueScan;
    @Autowired
    Takeovers takeovers;

    private final WechatApiStub wechat = WechatApiStub.get();
    private FamilyOnMiniProgram family;
    private OrgUnit fleet;
    private OrgUnit canteen;
    private String cityStaff;
    private String fleetStaff;
    private String canteenStaff;
    private String otherCity;
    private String fleetOpenId;
    private final Map<String, String> usernames = new HashMap<>();

    @BeforeEach
    void twoUnitsUnderOneDistrict() {
        family = FamilyOnMiniProgram.register(api, fixtures, "武汉", "oFam");
        fleet = fixtures.child(family.district, "爱心车队" + Fixtures.unique(), OrgType.PARTNER_UNIT);
        canteen = fixtures.child(family.district, "爱心食堂" + Fixtures.unique(), OrgType.PARTNER_UNIT);
        StaffAccount fleetAccount = fixtures.staff(fleet, StaffRole.DISPATCHER);
        fleetOpenId = "oFleet" + Fixtures.unique();
        jdbc.update("UPDATE staff_account SET wechat_open_id = ? WHERE id = ?", fleetOpenId, fleetAccount.getId());
        usernames.put("fleet", fleetAccount.getUsername());
        usernames.put("canteen", fixtures.staff(canteen, StaffRole.DISPATCHER).getUsername());
        usernames.put("other", fixtures.staff(fixtures.city("深圳"), StaffRole.DISPATCHER).getUsername());
        usernames.put("city", fixtures.staff(family.city, StaffRole.DISPATCHER).getUsername());
        signInAgain();
    }

    /** Staff sessions lapse when the clock jumps hours ahead: everyone signs in again, as they would. */
    private void signInAgain() {
        fleetStaff = api.login(usernames.get("fleet"), Fixtures.PASSWORD);
        canteenStaff = api.login(usernames.get("canteen"), Fixtures.PASSWORD);
        otherCity = api.login(usernames.get("other"), Fixtures.PASSWORD);
        cityStaff = api.login(usernames.get("city"), Fixtures.PASSWORD);
    }

    private void advance(Duration d) {
        clock.advance(d);
        signInAgain();
    }

    @Test
    void aReferredRequestIsAcceptedPassedOnAndPassedBackWithEveryStepInItsHistory() {
        long id = intake("TRANSPORT", "明早需要送老人去医院复查");
        assertThat(api.get("/api/admin/tickets/" + id, fleetStaff).status()).as("not referred yet").isEqualTo(404);
        assertThat(actions(api.get("/api/admin/tickets/" + id, cityStaff).body())).contains("DISPATCH", "COMPLETE");
        assertThat(api.get("/api/admin/tickets/dispatch-units", cityStaff).body().findValuesAsText("id"))
                .contains(String.valueOf(fleet.getId()), String.valueOf(canteen.getId()));

        Response past = dispatch(cityStaff, id, fleet.getId(), now().minusMinutes(1));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.fieldError("deadline")).isEqualTo("完成期限必须晚于现在");
        OrgUnit elsewhere = fixtures.city("长沙");
        assertThat(dispatch(cityStaff, id, elsewhere.getId(), now().plusHours(4)).fieldError("unitOrgId"))
                .isEqualTo("只能派给本辖区内的单位");
        Response noDeadline = api.post("/api/admin/tickets/" + id + "/dispatch", cityStaff, Map.of("unitOrgId", fleet.getId()));
        assertThat(noDeadline.status()).isEqualTo(400);
        assertThat(noDeadline.fieldError("deadline")).isEqualTo("请填写完成期限");
        Response garbled = api.post("/api/admin/tickets/" + id + "/dispatch", cityStaff,
                Map.of("unitOrgId", fleet.getId(), "deadline", "明天下午"));
        assertThat(garbled.status()).as(garbled.raw()).isEqualTo(400);
        assertThat(garbled.body().get("message").asText()).isNotBlank();
        assertThat(api.get("/api/admin/tickets/takeovers?status=SOMETIME", cityStaff).status()).isEqualTo(400);
        assertThat(api.post("/api/admin/tickets/not-a-number/dispatch/accept", cityStaff, Map.of()).status()).isEqualTo(400);
        String viewer = api.login(fixtures.staff(family.city, StaffRole.VIEWER).getUsername(), Fixtures.PASSWORD);
        assertThat(dispatch(viewer, id, fleet.getId(), now().plusHours(4)).status()).isEqualTo(403);
        assertThat(actions(api.get("/api/admin/tickets/" + id, viewer).body())).as("a viewer is offered nothing").isEmpty();

        LocalDateTime deadline = now().plusHours(4);
        Response sent = dispatch(cityStaff, id, fleet.getId(), deadline);
        assertThat(sent.status()).as(sent.raw()).isEqualTo(200);
        assertThat(sent.body().get("status").asText()).isEqualTo("DISPATCHED");
        JsonNode block = sent.body().get("dispatch");
        assertThat(block.get("unitName").asText()).isEqualTo(fleet.getName());
        assertThat(block.get("state").asText()).isEqualTo("PENDING");
        assertThat(block.get("deadline").asText()).startsWith(deadline.toString().substring(0, 16));
        assertThat(actions(sent.body())).as("the dispatcher does not act for the unit").doesNotContain("DISPATCH_ACCEPT", "OPEN")
                .contains("CHANGE_DEADLINE", "CLOSE");
        assertThat(wechat.count(TEMPLATE_SEND, fleetOpenId)).as("the unit's bound staff hear of it").isEqualTo(1);
        assertThat(api.get("/api/admin/alerts", fleetStaff).body().findValuesAsText("kind")).contains("DISPATCH");

        JsonNode atFleet = api.get("/api/admin/tickets/" + id, fleetStaff).body();
        assertThat(actions(atFleet)).containsExactlyInAnyOrder("DISPATCH_ACCEPT", "PASS_BACK");
        assertThat(atFleet.get("history").findValuesAsText("action")).containsExactly("SUBMIT", "ACCEPT", "DISPATCH");
        assertThat(api.get("/api/admin/tickets?assigned=mine", fleetStaff).body().get("items").findValuesAsText("id"))
                .containsExactly(String.valueOf(id));
        assertThat(api.get("/api/admin/tickets/" + id, otherCity).status()).isEqualTo(404);
        assertThat(api.get("/api/admin/tickets/" + id, canteenStaff).status()).isEqualTo(404);

        Response tooEarly = api.post("/api/admin/tickets/" + id + "/open", fleetStaff, Map.of());
        assertThat(tooEarly.status()).as("open before accepting").isEqualTo(403);
        assertThat(tooEarly.code()).isEqualTo("NOT_YOUR_STEP");
        assertThat(api.post("/api/admin/tickets/" + id + "/dispatch/accept", cityStaff, Map.of()).status()).isEqualTo(403);
        Response accepted = api.post("/api/admin/tickets/" + id + "/dispatch/accept", fleetStaff, Map.of("note", "车队接了"));
        assertThat(accepted.body().get("dispatch").get("state").asText()).isEqualTo("ACCEPTED");
        assertThat(actions(accepted.body())).contains("OPEN", "ASSIGN", "COMPLETE", "PASS_BACK").doesNotContain("DISPATCH_ACCEPT");
        assertThat(api.post("/api/admin/tickets/" + id + "/dispatch/accept", fleetStaff, Map.of()).status())
                .as("accepted once").isEqualTo(403);

        Response moved = api.post("/api/admin/tickets/" + id + "/dispatch/deadline", cityStaff,
                Map.of("deadline", now().plusHours(8).toString(), "note", "家属改到下午"));
        assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
        assertThat(api.post("/api/admin/tickets/" + id + "/dispatch/deadline", fleetStaff,
                Map.of("deadline", now().plusHours(9).toString())).status()).as("the unit does not move its own deadline").isEqualTo(403);

        Response noReason = api.post("/api/admin/tickets/" + id + "/dispatch/pass-back", fleetStaff, Map.of());
        assertThat(noReason.fieldError("reason")).isEqualTo("请填写退回的原因，派单单位会看到它");
        java.sql.Timestamp acceptedAt = jdbc.queryForObject("SELECT accepted_at FROM help_ticket WHERE id = ?", java.sql.Timestamp.class, id);
        clock.advance(Duration.ofMinutes(5));
        Response back = api.post("/api/admin/tickets/" + id + "/dispatch/pass-back", fleetStaff, Map.of("reason", "车辆都在外地"));
        assertThat(jdbc.queryForObject("SELECT accepted_at FROM help_ticket WHERE id = ?", java.sql.Timestamp.class, id))
                .as("the first response stays when the unit passes it back").isEqualTo(acceptedAt);
        assertThat(back.body().get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(back.body().hasNonNull("dispatch")).isFalse();
        assertThat(api.get("/api/admin/tickets/" + id, fleetStaff).status()).as("no longer theirs").isEqualTo(404);
        JsonNode history = api.get("/api/admin/tickets/" + id, cityStaff).body().get("history");
        assertThat(history.findValuesAsText("action"))
                .containsExactly("SUBMIT", "ACCEPT", "DISPATCH", "DISPATCH_ACCEPT", "CHANGE_DEADLINE", "PASS_BACK");
        assertThat(history.get(5).get("note").asText()).isEqualTo("车辆都在外地");
        assertThat(api.get("/api/admin/alerts", cityStaff).body().findValuesAsText("title"))
                .anyMatch(t -> t.contains("#" + id) && t.contains("退回"));
        assertThat(api.get("/api/mini/tickets/" + id, family.token).body().get("history").findValuesAsText("action"))
                .as("the family follows every step").contains("DISPATCH", "PASS_BACK");
    }

    @Test
    void theFamilyHearsOfWhatTheUnitDoesThoughTheUnitsStaffCannotSeeTheFamilysAccount() {
        long id = intake("TRANSPORT", "明早需要送老人去医院复查");
        dispatch(cityStaff, id, fleet.getId(), now().plusHours(4));
        // taking it in and referring it are changes the family hears of: wait for them to find no consent yet
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM subscribe_notice WHERE ticket_id = ? AND status = 'NO_CONSENT'", Integer.class, id) > 0
                && jdbc.queryForObject("SELECT COUNT(*) FROM subscribe_notice WHERE ticket_id = ? AND status <> 'NO_CONSENT'",
                Integer.class, id) == 0);
        assertThat(api.post("/api/mini/me/subscriptions", family.token,
                Map.of("acceptedTemplateIds", List.of(TICKET_TEMPLATE_ID))).status()).isEqualTo(200);
        api.post("/api/admin/tickets/" + id + "/dispatch/accept", fleetStaff, Map.of());
        // the family's WeChat account is bound under the family's league, outside the unit's jurisdiction: who follows
        // a family is not a question of who pressed the button
        Response done = api.post("/api/admin/tickets/" + id + "/complete", fleetStaff, Map.of("note", "已送到医院"));
        assertThat(done.status()).as(done.raw()).isEqualTo(200);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(wechat.count("/cgi-bin/message/subscribe/send", family.openId)).isEqualTo(1));
    }

    @Test
    void aUnitTakesOverByTheRequestNumberOnceTheOwnerAgreesOrDoesNotAnswer() {
        long id = intake("DAILY_LIVING", "需要帮忙采购一周的菜");
        dispatch(cityStaff, id, fleet.getId(), now().plusHours(6));
        assertThat(api.post("/api/admin/tickets/takeovers", otherCity, Map.of("ticketId", id, "reason", "我们近")).status())
                .as("a unit the dispatcher could not have chosen").isEqualTo(409);
        assertThat(api.post("/api/admin/tickets/takeovers", fleetStaff, Map.of("ticketId", id, "reason", "x")).status())
                .as("already theirs").isEqualTo(409);
        assertThat(api.post("/api/admin/tickets/takeovers", canteenStaff, Map.of("ticketId", id)).fieldError("reason")).isNotBlank();

        Response asked = api.post("/api/admin/tickets/takeovers", canteenStaff, Map.of("ticketId", id, "reason", "食堂就在小区门口"));
        assertThat(asked.status()).as(asked.raw()).isEqualTo(201);
        assertThat(asked.body().get("status").asText()).isEqualTo("PENDING");
        assertThat(asked.body().get("decidable").asBoolean()).as("not by the asking unit").isFalse();
        assertThat(api.post("/api/admin/tickets/takeovers", canteenStaff, Map.of("ticketId", id, "reason", "再问一次")).status())
                .isEqualTo(409);
        long takeoverId = asked.body().get("id").asLong();
        assertThat(api.get("/api/admin/tickets/" + id, canteenStaff).status()).as("still not theirs to read").isEqualTo(404);
        JsonNode atFleet = api.get("/api/admin/tickets/takeovers", fleetStaff).body();
        assertThat(atFleet.get(0).get("decidable").asBoolean()).isTrue();
        assertThat(atFleet.get(0).get("toOrgName").asText()).isEqualTo(canteen.getName());
        assertThat(api.get("/api/admin/tickets/takeovers", otherCity).body()).isEmpty();
        assertThat(api.post("/api/admin/tickets/takeovers/" + takeoverId + "/approve", canteenStaff, Map.of()).status()).isEqualTo(403);

        Response approved = api.post("/api/admin/tickets/takeovers/" + takeoverId + "/approve", fleetStaff, Map.of("note", "好的"));
        assertThat(approved.body().get("status").asText()).isEqualTo("APPROVED");
        JsonNode atCanteen = api.get("/api/admin/tickets/" + id, canteenStaff).body();
        assertThat(atCanteen.get("dispatch").get("unitName").asText()).isEqualTo(canteen.getName());
        assertThat(atCanteen.get("dispatch").get("state").asText()).isEqualTo("ACCEPTED");
        assertThat(actions(atCanteen)).contains("OPEN", "ASSIGN", "COMPLETE");
        assertThat(atCanteen.get("history").findValuesAsText("action")).endsWith("TAKE_OVER");
        assertThat(api.get("/api/admin/tickets/" + id, fleetStaff).status()).isEqualTo(404);
        assertThat(api.post("/api/admin/tickets/takeovers/" + takeoverId + "/decline", fleetStaff, Map.of()).status())
                .as("decided once").isIn(404, 409);

        // unanswered: approved after the configured time, once, however many instances look
        Response again = api.post("/api/admin/tickets/takeovers", fleetStaff, Map.of("ticketId", id, "reason", "车队有空了"));
        assertThat(again.status()).as(again.raw()).isEqualTo(201);
        assertThat(takeovers.approveUnanswered()).isZero();
        advance(Duration.ofHours(3));
        List<Integer> approvedBy = race(4, () -> takeovers.approveUnanswered());
        assertThat(approvedBy.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1);
        assertThat(api.get("/api/admin/tickets/" + id, fleetStaff).body().get("dispatch").get("unitName").asText())
                .isEqualTo(fleet.getName());
        assertThat(api.get("/api/admin/tickets/takeovers?status=AUTO_APPROVED", fleetStaff).body()).hasSize(1);
    }

    @Test
    void aUnitOpensToItsOwnVolunteersOrNamesOne() {
        DutyReadyVolunteers volunteers = new DutyReadyVolunteers(jdbc, sessions, cipher);
        DutyReadyVolunteers.Ready ours = volunteers.create(fleet, 30.6, 114.3);
        DutyReadyVolunteers.Ready theirs = volunteers.create(canteen, 30.6, 114.3);

        long open = intake("DAILY_LIVING", "需要帮忙采购药品");
        dispatch(cityStaff, open, fleet.getId(), now().plusHours(6));
        api.post("/api/admin/tickets/" + open + "/dispatch/accept", fleetStaff, Map.of());
        Response opened = api.post("/api/admin/tickets/" + open + "/open", fleetStaff, Map.of("ownVolunteersOnly", true));
        assertThat(opened.body().get("status").asText()).isEqualTo("OPEN");
        assertThat(opened.body().get("dispatch").get("ownVolunteersOnly").asBoolean()).isTrue();
        // offered on the unit's own volunteers' task board wherever they live, once, and on no one else's
        assertThat(api.get("/api/mini/volunteer/tasks/nearby", ours.token()).body().findValuesAsText("id"))
                .containsOnlyOnce(String.valueOf(open));
        assertThat(api.get("/api/mini/volunteer/tasks/nearby", theirs.token()).body().findValuesAsText("id"))
                .doesNotContain(String.valueOf(open));
        Response outsider = api.post("/api/mini/volunteer/tasks/" + open + "/claim", theirs.token(), "");
        // not offered to them and not in their radius (the request has no map point): as unknown as any id (issue 17)
        assertThat(outsider.status()).isEqualTo(404);
        assertThat(outsider.code()).isEqualTo("TICKET_NOT_FOUND");
        assertThat(api.post("/api/mini/volunteer/tasks/" + open + "/claim", ours.token(), "").status()).isEqualTo(200);

        long named = intake("TRANSPORT", "周六送孩子去学校拿资料");
        dispatch(cityStaff, named, fleet.getId(), now().plusHours(6));
        api.post("/api/admin/tickets/" + named + "/dispatch/accept", fleetStaff, Map.of());
        Response listed = api.get("/api/admin/tickets/" + named + "/assignable-volunteers", fleetStaff);
        assertThat(listed.status()).as(listed.raw()).isEqualTo(200);
        JsonNode candidates = listed.body();
        assertThat(candidates.findValuesAsText("id")).as("the unit's own volunteers only")
                .contains(String.valueOf(ours.volunteerId())).doesNotContain(String.valueOf(theirs.volunteerId()));
        assertThat(candidates.get(0).get("name").asText()).contains("*");
        Response foreign = api.post("/api/admin/tickets/" + named + "/assign", fleetStaff, Map.of("volunteerId", theirs.volunteerId()));
        assertThat(foreign.status()).isEqualTo(404);
        Response assigned = api.post("/api/admin/tickets/" + named + "/assign", fleetStaff, Map.of("volunteerId", ours.volunteerId()));
        assertThat(assigned.status()).as(assigned.raw()).isEqualTo(200);
        assertThat(assigned.body().get("status").asText()).isEqualTo("CLAIMED");
        assertThat(api.get("/api/mini/volunteer/tasks", ours.token()).body().findValuesAsText("id"))
                .contains(String.valueOf(named));

        // the cap counts every task the volunteer holds, also those the unit's staff cannot see: here one of the city's
        long elsewhere = intake("MEALS", "老人需要每天送一顿午饭");
        jdbc.update("UPDATE help_ticket SET status = 'CLAIMED', claimed_by = ?, claimed_at = NOW(3) WHERE id = ?",
                ours.volunteerId(), elsewhere);
        assertThat(api.get("/api/admin/tickets/" + elsewhere, fleetStaff).status()).as("outside the unit's view").isEqualTo(404);
        long third = intake("TRANSPORT", "周日送老人去医院复查");
        dispatch(cityStaff, third, fleet.getId(), now().plusHours(6));
        api.post("/api/admin/tickets/" + third + "/dispatch/accept", fleetStaff, Map.of());
        Response full = api.post("/api/admin/tickets/" + third + "/assign", fleetStaff, Map.of("volunteerId", ours.volunteerId()));
        assertThat(full.status()).as(full.raw()).isEqualTo(409);
        assertThat(full.code()).isEqualTo("TOO_MANY_ACTIVE_TASKS");
    }

    @Test
    void aMissedDeadlineIsNotifiedOnceAcrossInstancesAndASecondMissGoesToTheParent() throws Exception {
        long id = intake("MEALS", "老人需要每天送一顿午饭");
        dispatch(cityStaff, id, fleet.getId(), now().plusHours(1));
        api.post("/api/admin/tickets/" + id + "/dispatch/accept", fleetStaff, Map.of());
        overdueScan.run();
        assertThat(misses(id)).as("not late yet").isZero();
        String districtOpenId = "oDistrict" + Fixtures.unique();
        StaffAccount districtAccount = fixtures.staff(family.district, StaffRole.DISPATCHER);
        jdbc.update("UPDATE staff_account SET wechat_open_id = ? WHERE id = ?", districtOpenId, districtAccount.getId());
        long sentBefore = wechat.count(TEMPLATE_SEND, fleetOpenId);

        advance(Duration.ofHours(2));
        // the scan covers every org: other tests' requests may be late too, so count this request's misses
        race(4, () -> overdueScan.run());
        assertThat(misses(id)).as("one miss, recorded once").isEqualTo(1);
        assertThat(wechat.count(TEMPLATE_SEND, fleetOpenId) - sentBefore).as("the unit's staff told once").isEqualTo(1);
        assertThat(wechat.count(TEMPLATE_SEND, districtOpenId)).as("not escalated yet").isZero();
        JsonNode atFleet = api.get("/api/admin/tickets/" + id, fleetStaff).body();
        assertThat(atFleet.get("dispatch").get("overdue").asBoolean()).isTrue();
        assertThat(atFleet.get("history").findValuesAsText("action").stream().filter("OVERDUE"::equals)).hasSize(1);
        Response overdueList = api.get("/api/admin/tickets?overdue=true", cityStaff);
        assertThat(overdueList.status()).as(overdueList.raw()).isEqualTo(200);
        assertThat(overdueList.body().get("items").findValuesAsText("id")).contains(String.valueOf(id));
        assertThat(api.get("/api/admin/alerts", fleetStaff).body().findValuesAsText("kind")).contains("OVERDUE");
        assertThat(api.get("/api/admin/alerts", otherCity).body().findValuesAsText("ticketId")).doesNotContain(String.valueOf(id));
        overdueScan.run();
        assertThat(misses(id)).as("nothing new").isEqualTo(1);

        advance(Duration.ofHours(24));
        race(3, () -> overdueScan.run());
        assertThat(misses(id)).as("the second miss, recorded once").isEqualTo(2);
        assertThat(wechat.count(TEMPLATE_SEND, districtOpenId)).as("the second miss goes to the parent").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ticket_overdue WHERE ticket_id = ?", Integer.class, id)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT escalated_org_id FROM ticket_overdue WHERE ticket_id = ? AND miss_no = 2",
                Long.class, id)).isEqualTo(family.district.getId());

        // once the request is done, its overdue alerts close themselves: gone from "unread", kept under "read"
        assertThat(api.get("/api/admin/alerts?state=UNREAD", fleetStaff).body().findValuesAsText("ticketId"))
                .contains(String.valueOf(id));
        Response completed = api.post("/api/admin/tickets/" + id + "/complete", fleetStaff, Map.of("note", "午饭已送到"));
        assertThat(completed.status()).as(completed.raw()).isEqualTo(200);
        assertThat(api.get("/api/admin/alerts?state=UNREAD", fleetStaff).body().findValuesAsText("ticketId"))
                .doesNotContain(String.valueOf(id));
        List<JsonNode> closed = new java.util.ArrayList<>();
        api.get("/api/admin/alerts?state=READ", fleetStaff).body().forEach(a -> {
            if (a.get("ticketId").asLong() == id) {
                closed.add(a);
            }
        });
        assertThat(closed).isNotEmpty().allSatisfy(a -> {
            assertThat(a.get("closedAt").isNull()).isFalse();
            assertThat(a.get("closeReason").asText()).isEqualTo("求助已完成待确认");
        });
        assertThat(api.get("/api/admin/alerts?state=BOGUS", fleetStaff).status()).isEqualTo(400);

        // a request nobody accepted in time is overdue too (held in SUBMITTED longer than its limit)
        Response waiting = family.submit(api, java.util.UUID.randomUUID().toString(), family.request("家里缺口罩和消毒液"));
        long submitted = FamilyOnMiniProgram.id(waiting);
        advance(Duration.ofHours(3));
        overdueScan.run();
        assertThat(api.get("/api/admin/tickets/" + submitted, cityStaff).body().get("history").findValuesAsText("action"))
                .endsWith("OVERDUE");
        api.post("/api/admin/tickets/" + submitted + "/accept", cityStaff, Map.of());
        assertThat(api.get("/api/admin/tickets?overdue=true", cityStaff).body().get("items").findValuesAsText("id"))
                .as("a new state clears the mark").doesNotContain(String.valueOf(submitted));
    }

    @Test
    void requestsDoneButNotConfirmedAreCalledBackAndTheCallIsRecorded() {
        long id = intake("CARE", "独居老人需要上门探望");
        dispatch(cityStaff, id, fleet.getId(), now().plusHours(6));
        api.post("/api/admin/tickets/" + id + "/dispatch/accept", fleetStaff, Map.of());
        Response done = api.post("/api/admin/tickets/" + id + "/complete", fleetStaff, Map.of("note", "已上门探望，老人状态良好"));
        assertThat(done.body().get("status").asText()).isEqualTo("DONE");
        assertThat(api.get("/api/admin/tickets/follow-ups", cityStaff).body().get("items").findValuesAsText("id"))
                .doesNotContain(String.valueOf(id));

        advance(Duration.ofHours(25));
        Response followUps = api.get("/api/admin/tickets/follow-ups", cityStaff);
        assertThat(followUps.status()).as(followUps.raw()).isEqualTo(200);
        JsonNode list = followUps.body().get("items");
        assertThat(list.findValuesAsText("id")).contains(String.valueOf(id));
        assertThat(api.get("/api/admin/tickets/follow-ups", otherCity).body().get("items").findValuesAsText("id"))
                .doesNotContain(String.valueOf(id));
        assertThat(api.post("/api/admin/tickets/" + id + "/follow-ups", cityStaff, Map.of()).fieldError("outcome")).isEqualTo("请选择回访结果");
        assertThat(api.post("/api/admin/tickets/" + id + "/follow-ups", cityStaff, Map.of("outcome", "CONFIRMED", "rating", 9))
                .fieldError("rating")).isEqualTo("评分为 1 到 5 分");

        Response missed = api.post("/api/admin/tickets/" + id + "/follow-ups", cityStaff, Map.of("outcome", "NOT_REACHED", "note", "无人接听"));
        assertThat(missed.body().get("status").asText()).isEqualTo("DONE");
        JsonNode row = rowOf(api.get("/api/admin/tickets/follow-ups", cityStaff).body().get("items"), id);
        assertThat(row.get("lastFollowUp").get("outcomeLabel").asText()).isEqualTo("未联系上");
        assertThat(row.get("lastFollowUp").get("note").asText()).isEqualTo("无人接听");

        Response confirmed = api.post("/api/admin/tickets/" + id + "/follow-ups", cityStaff,
                Map.of("outcome", "CONFIRMED", "rating", 5, "note", "家属很满意"));
        assertThat(confirmed.body().get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(confirmed.body().get("rating").asInt()).isEqualTo(5);
        assertThat(confirmed.body().get("history").findValuesAsText("action")).endsWith("FOLLOW_UP", "CONFIRM_BY_PHONE");
        assertThat(api.get("/api/admin/tickets/follow-ups", cityStaff).body().get("items").findValuesAsText("id"))
                .doesNotContain(String.valueOf(id));
        assertThat(api.post("/api/admin/tickets/" + id + "/follow-ups", cityStaff, Map.of("outcome", "PROBLEM")).status())
                .isEqualTo(409);
    }

    private int misses(long ticketId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ticket_overdue WHERE ticket_id = ?", Integer.class, ticketId);
    }

    private static JsonNode rowOf(JsonNode items, long id) {
        for (JsonNode item : items) {
            if (item.get("id").asLong() == id) {
                return item;
            }
        }
        throw new AssertionError("request " + id + " not in " + items);
    }

    private long intake(String category, String description) {
        Map<String, Object> need = new HashMap<>(Map.of("familyId", family.familyId, "channel", "HOTLINE_12355",
                "category", category, "description", description, "contactMethod", "PHONE_CALL"));
        Response taken = api.post("/api/admin/tickets/intake", cityStaff, need);
        assertThat(taken.status()).as(taken.raw()).isEqualTo(201);
        return taken.body().get("id").asLong();
    }

    private Response dispatch(String token, long id, long unit, LocalDateTime deadline) {
        return api.post("/api/admin/tickets/" + id + "/dispatch", token,
                Map.of("unitOrgId", unit, "deadline", deadline.withNano(0).toString(), "note", "请尽快联系家属"));
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    private static List<String> actions(JsonNode ticket) {
        List<String> result = new ArrayList<>();
        ticket.get("actions").forEach(a -> result.add(a.asText()));
        return result;
    }

    /** Runs the job on several threads released at once, as several instances would. */
    private static <T> List<T> race(int threads, Callable<T> job) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return job.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            pool.shutdownNow();
        }
    }
}
