package org.qingnuan.ledger;

import cn.idev.excel.FastExcel;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qingnuan.api.ticket.Channel;
import org.qingnuan.api.ticket.TicketCategory;
import org.qingnuan.api.ticket.TicketStatus;
import org.qingnuan.api.ticket.Urgency;
import org.qingnuan.api.ticket.ContactMethod;
import org.qingnuan.org.OrgType;
import org.qingnuan.org.OrgUnit;
import org.qingnuan.privacy.PersonalDataCipher;
import org.qingnuan.staff.StaffRole;
import org.qingnuan.testing.Api.Response;
import org.qingnuan.testing.Fixtures;
import org.qingnuan.testing.IntegrationTest;
import org.qingnuan.ticket.FamilyOnMiniProgram;
import org.qingnuan.ticket.HelpTicket;
import org.qingnuan.ticket.HelpTicketEvent;
import org.qingnuan.ticket.TicketAction;
import org.qingnuan.ticket.TicketActor;
import org.qingnuan.ticket.TicketLifecycle;
import org.qingnuan.ticket.internal.HelpTicketEventMapper;
import org.qingnuan.ticket.internal.HelpTicketMapper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The daily ledger on two (three) cities: today's figures from requests moved through the real lifecycle,
 * a past day from rows written with chosen timestamps, its nightly snapshot raced by two threads, the
 * drill-downs, the Excel file read back, and bad input. Every ledger is checked against a second city whose
 * requests must never show.
 */
class LedgerIT extends IntegrationTest {

    @Autowired
    TicketLifecycle lifecycle;
    @Autowired
    HelpTicketMapper tickets;
    @Autowired
    HelpTicketEventMapper events;
    @Autowired
    PersonalDataCipher cipher;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LedgerSnapshots snapshots;

    /** Mid-morning of tomorrow, so that no step of a test straddles midnight (the clock only moves forward). */
    @BeforeEach
    void moveToMidMorning() {
        LocalDateTime now = LocalDateTime.now(clock);
        clock.advance(Duration.between(now, now.toLocalDate().plusDays(1).atTime(10, 0)));
    }

    @Test
    void todaysLedgerCountsTheDaysMovesOfTheCityOnlyAndDrillsDownToThem() throws Exception {
        FamilyOnMiniProgram a = FamilyOnMiniProgram.register(api, fixtures, "台账甲市", "oLedgerA");
        String dispatcherA = fixtures.staff(a.city, StaffRole.DISPATCHER).getUsername();
        String staffA = a.dispatcherToken;
        LocalDate today = LocalDate.now(clock);

        // city A: two needs taken on the hotline / a visit (accepted at once), three from the mini-program
        long t1 = intake(staffA, a, "HOTLINE_12355", "TRANSPORT", "明早需要送老人去医院复查");
        long t2 = intake(staffA, a, "VISIT", "CARE", "老人独自在家，需要每天上门看看");
        long t3 = FamilyOnMiniProgram.id(a.submit(api, UUID.randomUUID().toString(), a.request("家里米和油都吃完了，请帮忙买一些")));
        long t4 = FamilyOnMiniProgram.id(a.submit(api, UUID.randomUUID().toString(), with(a.request("孩子一个人在家，需要送午饭"), "category", "MEALS")));
        long t5 = FamilyOnMiniProgram.id(a.submit(api, UUID.randomUUID().toString(), a.request("请帮忙买些蔬菜")));
        assertThat(api.post("/api/mini/tickets/" + t5 + "/cancel", a.token, Map.of()).status()).isEqualTo(200);

        // staff sessions expire after 30 idle minutes: sign in again after each jump of the clock
        clock.advance(Duration.ofMinutes(30));
        staffA = api.login(dispatcherA, Fixtures.PASSWORD);
        assertThat(api.post("/api/admin/tickets/" + t3 + "/accept", staffA, Map.of()).status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(60));
        staffA = api.login(dispatcherA, Fixtures.PASSWORD);
        assertThat(api.post("/api/admin/tickets/" + t4 + "/accept", staffA, Map.of()).status()).isEqualTo(200);
        assertThat(api.post("/api/admin/tickets/" + t1 + "/complete", staffA, Map.of("note", "已由志愿者接送")).status()).isEqualTo(200);
        assertThat(api.post("/api/mini/tickets/" + t1 + "/confirm", a.token, Map.of("rating", 4)).status()).isEqualTo(200);
        Response dispatched = api.post("/api/admin/tickets/" + t2 + "/dispatch", staffA, Map.of("unitOrgId", a.district.getId(),
                "deadline", LocalDateTime.now(clock).plusDays(1).withNano(0).toString(), "note", "请区团委安排上门"));
        assertThat(dispatched.status()).as(dispatched.raw()).isEqualTo(200);
        // naming a volunteer needs a duty-ready volunteer of the unit; the lifecycle itself moves it here
        lifecycle.assign(tickets.selectById(t2), TicketActor.staff(1L, "测试派单员"), "指派志愿者", 900_001L);
        // the overdue scan is being written elsewhere: two misses of one request, as its rows will look
        overdueRow(t4, a.district.getId(), "DEADLINE@x");
        overdueRow(t4, a.district.getId(), "STUCK:ACCEPTED@x");

        String viewerA = api.login(fixtures.staff(a.city, StaffRole.VIEWER).getUsername(), Fixtures.PASSWORD);

        // city B: two requests of its own, which city A must never count
        FamilyOnMiniProgram b = FamilyOnMiniProgram.register(api, fixtures, "台账乙市", "oLedgerB");
        long b1 = intake(b.dispatcherToken, b, "HOTLINE_12355", "TRANSPORT", "需要车辆接送家属");
        intake(b.dispatcherToken, b, "WECHAT_GROUP", "SUPPLIES", "需要口罩和消毒液");
        assertThat(api.post("/api/admin/tickets/" + b1 + "/complete", b.dispatcherToken, Map.of("note", "已送达")).status()).isEqualTo(200);
        overdueRow(b1, b.district.getId(), "DEADLINE@y");

        Response r = api.get("/api/admin/ledger", staffA);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        JsonNode l = r.body();
        assertThat(l.get("orgId").asLong()).isEqualTo(a.city.getId());
        assertThat(l.get("orgName").asText()).isEqualTo(a.city.getName());
        assertThat(l.get("date").asText()).isEqualTo(today.toString());
        assertThat(l.get("live").asBoolean()).isTrue();
        assertThat(l.get("newTotal").asLong()).isEqualTo(5);
        assertThat(counts(l.get("newByCategory"))).containsEntry("SUPPLIES", 2L).containsEntry("TRANSPORT", 1L)
                .containsEntry("CARE", 1L).containsEntry("MEALS", 1L).containsEntry("TUTORING", 0L)
                .hasSize(TicketCategory.values().length);
        assertThat(counts(l.get("newByChannel"))).containsEntry("MINI_PROGRAM", 3L).containsEntry("HOTLINE_12355", 1L)
                .containsEntry("VISIT", 1L).containsEntry("WECHAT_GROUP", 0L).hasSize(Channel.values().length);
        assertThat(l.get("newByCategory").get(0).get("label").asText()).isEqualTo("生活物资");
        assertThat(l.get("accepted").asLong()).isEqualTo(4);
        assertThat(l.get("dispatched").asLong()).isEqualTo(1);
        assertThat(l.get("claimed").asLong()).isEqualTo(1);
        assertThat(l.get("done").asLong()).isEqualTo(1);
        assertThat(l.get("confirmed").asLong()).isEqualTo(1);
        assertThat(l.get("overdue").asLong()).as("two misses of one request").isEqualTo(1);
        assertThat(l.get("openAtEnd").asLong()).as("t2 claimed, t3 and t4 accepted").isEqualTo(3);
        // first responses 0, 0, 30 and 90 minutes; done after 90 minutes (the test clock also moves with real time:
        // a minute of slack for a loaded machine)
        assertThat(l.get("medianFirstResponseMinutes").asDouble()).isCloseTo(15.0, within(1.0));
        assertThat(l.get("medianDoneMinutes").asDouble()).isCloseTo(90.0, within(1.0));
        assertThat(l.get("averageRating").asDouble()).isEqualTo(4.0);
        assertThat(l.get("ratedCount").asLong()).isEqualTo(1);

        // any staff role reads it; the district inside the city gives the same (all of A's families live there)
        JsonNode viewed = api.get("/api/admin/ledger?date=" + today, viewerA).body();
        assertThat(viewed.get("newTotal").asLong()).isEqualTo(5);
        JsonNode district = api.get("/api/admin/ledger?orgId=" + a.district.getId(), viewerA).body();
        assertThat(district.get("orgName").asText()).isEqualTo(a.district.getName());
        assertThat(district.get("accepted").asLong()).isEqualTo(4);

        // city B sees its own only, and neither city may ask for the other
        JsonNode lb = api.get("/api/admin/ledger", b.dispatcherToken).body();
        assertThat(lb.get("newTotal").asLong()).isEqualTo(2);
        assertThat(lb.get("accepted").asLong()).isEqualTo(2);
        assertThat(lb.get("done").asLong()).isEqualTo(1);
        assertThat(lb.get("overdue").asLong()).isEqualTo(1);
        assertThat(lb.get("openAtEnd").asLong()).isEqualTo(1);
        assertThat(lb.get("medianFirstResponseMinutes").asDouble()).isCloseTo(0.0, within(0.15));
        assertThat(lb.get("averageRating").isNull()).as("nothing rated: null, and still in the JSON").isTrue();
        Response foreign = api.get("/api/admin/ledger?orgId=" + b.city.getId(), staffA);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(api.get("/api/admin/ledger/drill?figure=new&orgId=" + b.city.getId(), staffA).status()).isEqualTo(404);
        assertThat(api.get("/api/admin/ledger/excel?orgId=" + b.city.getId(), staffA).status()).isEqualTo(404);
        assertThat(api.get("/api/admin/ledger/trend?orgId=" + b.city.getId(), staffA).status()).isEqualTo(404);
        assertThat(api.get("/api/admin/ledger/status?orgId=" + a.city.getId(), b.dispatcherToken).status()).isEqualTo(404);

        // drill-downs: exactly the requests behind each figure, masked
        assertThat(drill(staffA, "new")).containsExactly(t5, t4, t3, t2, t1);
        assertThat(drill(staffA, "accepted")).containsExactly(t4, t3, t2, t1);
        assertThat(drill(staffA, "dispatched")).containsExactly(t2);
        assertThat(drill(staffA, "claimed")).containsExactly(t2);
        assertThat(drill(staffA, "done")).containsExactly(t1);
        assertThat(drill(staffA, "confirmed")).containsExactly(t1);
        assertThat(drill(staffA, "overdue")).containsExactly(t4);
        assertThat(drill(staffA, "openAtEnd")).containsExactly(t4, t3, t2);
        assertThat(drill(staffA, "category:SUPPLIES")).containsExactly(t5, t3);
        assertThat(drill(staffA, "channel:MINI_PROGRAM")).containsExactly(t5, t4, t3);
        assertThat(drill(b.dispatcherToken, "new")).hasSize(2).doesNotContain(t1, t2, t3, t4, t5);
        Response page = api.get("/api/admin/ledger/drill?figure=new&page=2&size=2", staffA);
        assertThat(page.body().get("total").asLong()).isEqualTo(5);
        assertThat(ids(page.body())).containsExactly(t3, t2);
        JsonNode row = api.get("/api/admin/ledger/drill?figure=new&size=1", staffA).body().get("items").get(0);
        assertThat(row.get("address").asText()).contains("*").isNotEqualTo(a.homeAddress);
        assertThat(row.get("contactPhone").asText()).contains("****");
        assertThat(row.has("history")).as("list rows, not details").isFalse();
        // a dispatched request's row names its responsible unit and deadline, as on the request board
        JsonNode dispatchedRow = api.get("/api/admin/ledger/drill?figure=dispatched", staffA).body().get("items").get(0);
        assertThat(dispatchedRow.get("dispatch").get("unitName").asText()).isEqualTo(a.district.getName());
        assertThat(dispatchedRow.get("dispatch").get("deadline").asText()).startsWith(today.plusDays(1).toString());

        // the dashboard: by status now, and the trend ending today
        Map<String, Long> byStatus = new HashMap<>();
        for (JsonNode s : api.get("/api/admin/ledger/status", staffA).body()) {
            byStatus.put(s.get("status").asText(), s.get("count").asLong());
        }
        // open requests only: the confirmed and the cancelled one are not 在办; the total is the open-at-end figure
        assertThat(byStatus).containsOnlyKeys("SUBMITTED", "ACCEPTED", "OPEN", "DISPATCHED", "CLAIMED", "IN_PROGRESS")
                .containsEntry("ACCEPTED", 2L).containsEntry("CLAIMED", 1L).containsEntry("OPEN", 0L);
        assertThat(byStatus.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(3);
        JsonNode trend = api.get("/api/admin/ledger/trend", staffA).body();
        assertThat(trend).hasSize(14);
        JsonNode last = trend.get(13);
        assertThat(last.get("date").asText()).isEqualTo(today.toString());
        assertThat(last.get("newTotal").asLong()).isEqualTo(5);
        assertThat(last.get("openAtEnd").asLong()).isEqualTo(3);
        assertThat(trend.get(12).get("newTotal").asLong()).isZero();

        // the Excel file: the figures on sheet 1, the day's requests (masked) on sheet 2, a Chinese file name
        HttpResponse<byte[]> excel = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/admin/ledger/excel")).header("Authorization", "Bearer " + viewerA).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(excel.statusCode()).isEqualTo(200);
        String disposition = excel.headers().firstValue("Content-Disposition").orElseThrow();
        assertThat(URLDecoder.decode(disposition.substring(disposition.indexOf("UTF-8''") + 7), StandardCharsets.UTF_8))
                .isEqualTo("工作台账-" + a.city.getName() + "-" + today + ".xlsx");
        List<Map<Integer, String>> sheet1 = FastExcel.read(new ByteArrayInputStream(excel.body())).sheet(0).headRowNumber(0).doReadSync();
        assertThat(sheet1.get(0).get(0)).isEqualTo("工作台账");
        assertThat(sheet1.get(1).get(0)).contains(a.city.getName()).contains(today.getMonthValue() + "月" + today.getDayOfMonth() + "日");
        Map<String, String> figures = new HashMap<>();
        sheet1.stream().skip(3).forEach(cells -> figures.put(cells.get(1), cells.get(2)));
        assertThat(figures).containsEntry("新增需求", "5").containsEntry("其中：生活物资", "2").containsEntry("其中：小程序", "3")
                .containsEntry("受理", "4").containsEntry("派单转介", "1").containsEntry("认领/指派", "1").containsEntry("办结", "1")
                .containsEntry("家属确认", "1").containsEntry("超时", "1").containsEntry("日终未办结", "3")
                .containsEntry("平均满意度（星）", "4");
        assertThat(Double.parseDouble(figures.get("首次响应时长中位数（分钟）"))).isCloseTo(15.0, within(1.0));
        List<Map<Integer, String>> sheet2 = FastExcel.read(new ByteArrayInputStream(excel.body())).sheet(1).headRowNumber(2).doReadSync();
        assertThat(sheet2).hasSize(5);
        assertThat(sheet2.stream().map(cells -> Long.valueOf(cells.get(1)))).containsExactly(t5, t4, t3, t2, t1);
        assertThat(sheet2.get(4).get(3)).isEqualTo("12355 热线");
        String all = sheet2.toString();
        assertThat(all).doesNotContain(a.homeAddress).doesNotContain(a.familyPhone).contains("****");
    }

    @Test
    void aPastDayIsCountedFromTheRequestsTimestampsThenKeptOnceByTheNightlyJobEvenWhenTwoRace() throws Exception {
        OrgUnit city = fixtures.city("台账丙市");
        OrgUnit district = fixtures.child(city, "台账区" + Fixtures.unique(), OrgType.DISTRICT_LEAGUE);
        OrgUnit other = fixtures.city("台账丁市");
        String staff = api.login(fixtures.staff(city, StaffRole.VIEWER).getUsername(), Fixtures.PASSWORD);
        String otherStaff = api.login(fixtures.staff(other, StaffRole.ORG_ADMIN).getUsername(), Fixtures.PASSWORD);
        LocalDate today = LocalDate.now(clock);
        LocalDate day = today.minusDays(1);
        LocalDateTime d = day.atStartOfDay();
        LocalDateTime t = today.atStartOfDay();

        // rows written with chosen times (a day in the past cannot be reached through the API): "day" is yesterday
        long y0 = ticket(district, d.minusHours(16), TicketStatus.SUBMITTED, null, null, null, null, null);
        long y1 = ticket(district, d.plusHours(9), TicketStatus.ACCEPTED, d.plusHours(9).plusMinutes(20), null, null, null, null);
        long y2 = ticket(district, d.plusHours(10), TicketStatus.DONE, d.plusHours(10), t.plusMinutes(30), null, null, null);
        long y3 = ticket(district, d.plusHours(11), TicketStatus.CLOSED, null, null, null, d.plusHours(12), null);
        long y4 = ticket(district, d.plusHours(12), TicketStatus.CONFIRMED, d.plusHours(12).plusMinutes(10), d.plusHours(15),
                d.plusHours(16), null, 5);
        // the other city's day, which must not show
        long z1 = ticket(other, d.plusHours(9), TicketStatus.ACCEPTED, d.plusHours(9).plusMinutes(5), null, null, null, null);
        overdueRow(z1, other.getId(), "DEADLINE@z", d.plusHours(20));
        overdueRow(y1, district.getId(), "STUCK:ACCEPTED@y", d.plusHours(23));

        JsonNode l = api.get("/api/admin/ledger?date=" + day, staff).body();
        assertThat(l.get("live").asBoolean()).as("no snapshot yet: counted").isTrue();
        assertThat(l.get("newTotal").asLong()).isEqualTo(4);
        assertThat(l.get("accepted").asLong()).isEqualTo(3);
        assertThat(l.get("done").asLong()).as("y2 was done after midnight").isEqualTo(1);
        assertThat(l.get("confirmed").asLong()).isEqualTo(1);
        assertThat(l.get("overdue").asLong()).isEqualTo(1);
        assertThat(l.get("openAtEnd").asLong()).as("y0, y1 and y2 (done only after midnight)").isEqualTo(3);
        assertThat(l.get("medianFirstResponseMinutes").asDouble()).as("20, 0 and 10 minutes").isEqualTo(10.0);
        assertThat(l.get("medianDoneMinutes").asDouble()).isEqualTo(180.0);
        assertThat(l.get("averageRating").asDouble()).isEqualTo(5.0);
        assertThat(drill(staff, "openAtEnd", day)).containsExactly(y2, y1, y0);
        assertThat(drill(staff, "new", day)).containsExactly(y4, y3, y2, y1);
        assertThat(drill(staff, "done", day)).containsExactly(y4);
        assertThat(api.get("/api/admin/ledger?date=" + day + "&orgId=" + other.getId(), staff).status()).isEqualTo(404);
        JsonNode ol = api.get("/api/admin/ledger?date=" + day, otherStaff).body();
        assertThat(ol.get("newTotal").asLong()).isEqualTo(1);
        assertThat(ol.get("openAtEnd").asLong()).isEqualTo(1);
        // today: y2 is done now, y0 and y1 still open
        assertThat(api.get("/api/admin/ledger", staff).body().get("openAtEnd").asLong()).isEqualTo(2);
        assertThat(api.get("/api/admin/ledger", staff).body().get("done").asLong()).isEqualTo(1);

        // the nightly job, on two threads at once (as two instances would): every org's day is kept exactly once
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> runs = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit((Callable<Integer>) () -> {
                    start.await();
                    return snapshots.snapshot(day);
                }));
            }
            start.countDown();
            int written = runs.get(0).get() + runs.get(1).get();
            Long orgCount = jdbc.queryForObject("SELECT COUNT(*) FROM org_unit WHERE deleted = 0", Long.class);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_snapshot WHERE ledger_date = ?", Long.class, day))
                    .isEqualTo(orgCount);
            assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT org_id) FROM ledger_snapshot WHERE ledger_date = ?", Long.class, day))
                    .isEqualTo(orgCount);
            assertThat((long) written).as("rows written by the two runs together").isLessThanOrEqualTo(orgCount);
        } finally {
            pool.shutdownNow();
        }
        assertThat(snapshots.snapshot(day)).as("a later run finds the day kept").isZero();

        // the day is now read from its snapshot: a row written afterwards no longer changes it
        ticket(district, d.plusHours(18), TicketStatus.SUBMITTED, null, null, null, null, null);
        JsonNode kept = api.get("/api/admin/ledger?date=" + day, staff).body();
        assertThat(kept.get("live").asBoolean()).isFalse();
        assertThat(kept.get("newTotal").asLong()).isEqualTo(4);
        assertThat(kept.get("openAtEnd").asLong()).isEqualTo(3);
        assertThat(kept.get("medianFirstResponseMinutes").asDouble()).isEqualTo(10.0);
        assertThat(kept.get("averageRating").asDouble()).isEqualTo(5.0);
        assertThat(kept.get("newByCategory").get(0).get("label").asText()).isEqualTo("生活物资");
        JsonNode keptDistrict = api.get("/api/admin/ledger?date=" + day + "&orgId=" + district.getId(), staff).body();
        assertThat(keptDistrict.get("live").asBoolean()).isFalse();
        assertThat(keptDistrict.get("newTotal").asLong()).isEqualTo(4);
        assertThat(api.get("/api/admin/ledger?date=" + day, otherStaff).body().get("newTotal").asLong()).isEqualTo(1);
        JsonNode trend = api.get("/api/admin/ledger/trend?days=3", staff).body();
        assertThat(trend).hasSize(3);
        assertThat(trend.get(1).get("date").asText()).isEqualTo(day.toString());
        assertThat(trend.get(1).get("newTotal").asLong()).as("from the snapshot").isEqualTo(4);
        assertThat(trend.get(1).get("openAtEnd").asLong()).isEqualTo(3);
        assertThat(trend.get(0).get("newTotal").asLong()).as("y0's day, counted").isEqualTo(1);
        assertThat(trend.get(2).get("openAtEnd").asLong()).as("today, live").isEqualTo(3);
    }

    @Test
    void badInputIsRefusedInChinese() {
        OrgUnit city = fixtures.city("台账戊市");
        String staff = api.login(fixtures.staff(city, StaffRole.DISPATCHER).getUsername(), Fixtures.PASSWORD);
        LocalDate tomorrow = LocalDate.now(clock).plusDays(1);

        Response future = api.get("/api/admin/ledger?date=" + tomorrow, staff);
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.code()).isEqualTo("LEDGER_DATE_IN_FUTURE");
        assertThat(future.body().get("message").asText()).contains("未来");
        assertThat(future.fieldError("date")).contains("不能晚于今天");
        assertThat(api.get("/api/admin/ledger/drill?figure=new&date=" + tomorrow, staff).code()).isEqualTo("LEDGER_DATE_IN_FUTURE");
        assertThat(api.get("/api/admin/ledger/excel?date=" + tomorrow, staff).code()).isEqualTo("LEDGER_DATE_IN_FUTURE");

        Response malformed = api.get("/api/admin/ledger?date=2026-13-45", staff);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().get("message").asText()).matches(".*\\p{IsHan}.*");
        assertThat(api.get("/api/admin/ledger?orgId=abc", staff).status()).isEqualTo(400);

        for (String figure : List.of("bogus", "category:NOPE", "channel:", "DONE")) {
            Response unknown = api.get("/api/admin/ledger/drill?figure=" + figure, staff);
            assertThat(unknown.status()).as(figure).isEqualTo(400);
            assertThat(unknown.code()).isEqualTo("LEDGER_FIGURE_UNKNOWN");
            assertThat(unknown.body().get("message").asText()).contains("没有这项台账数字");
        }
        assertThat(api.get("/api/admin/ledger/drill", staff).status()).as("figure is required").isEqualTo(400);
        assertThat(api.get("/api/admin/ledger/drill?figure=new&size=1000", staff).status()).isEqualTo(400);
        Response days = api.get("/api/admin/ledger/trend?days=0", staff);
        assertThat(days.status()).isEqualTo(400);
        assertThat(days.code()).isEqualTo("LEDGER_TREND_DAYS");
        assertThat(api.get("/api/admin/ledger/trend?days=61", staff).code()).isEqualTo("LEDGER_TREND_DAYS");
        assertThat(api.get("/api/admin/ledger/status?orgId=999999999", staff).status()).isEqualTo(404);
        assertThat(api.get("/api/admin/ledger", null).status()).isEqualTo(401);
    }

    // ---- helpers ----

    private long intake(String token, FamilyOnMiniProgram family, String channel, String category, String description) {
        Response r = api.post("/api/admin/tickets/intake", token, Map.of("familyId", family.familyId, "channel", channel,
                "category", category, "description", description, "contactMethod", "PHONE_CALL"));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(key, value);
        return copy;
    }

    private List<Long> drill(String token, String figure) {
        return drill(token, figure, null);
    }

    private List<Long> drill(String token, String figure, LocalDate date) {
        Response r = api.get("/api/admin/ledger/drill?size=50&figure=" + figure + (date == null ? "" : "&date=" + date), token);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.body().get("total").asLong()).isEqualTo(r.body().get("items").size());
        return ids(r.body());
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(i -> ids.add(i.get("id").asLong()));
        return ids;
    }

    private static Map<String, Long> counts(JsonNode rows) {
        Map<String, Long> counts = new HashMap<>();
        rows.forEach(r -> counts.put(r.get("key").asText(), r.get("count").asLong()));
        return counts;
    }

    private void overdueRow(long ticketId, long orgId, String missKey) {
        overdueRow(ticketId, orgId, missKey, LocalDateTime.now(clock));
    }

    private void overdueRow(long ticketId, long orgId, String missKey, LocalDateTime detectedAt) {
        jdbc.update("INSERT INTO ticket_overdue (ticket_id, org_id, responsible_org_id, kind, status, miss_key, miss_no,"
                + " due_at, detected_at) VALUES (?, ?, ?, 'DEADLINE', 'ACCEPTED', ?, 1, ?, ?)",
                ticketId, orgId, orgId, missKey, detectedAt.minusHours(1), detectedAt);
    }

    /**
     * A request written straight to the table with the lifecycle's timestamps and the history rows they imply,
     * so that a past day can be laid out exactly.
     */
    private long ticket(OrgUnit org, LocalDateTime created, TicketStatus status, LocalDateTime accepted, LocalDateTime done,
                        LocalDateTime confirmed, LocalDateTime closed, Integer rating) {
        // HelpTicket has no public setters (its moves belong to TicketLifecycle): the row is written as SQL
        java.util.Map<String, Object> row = new java.util.HashMap<>();
        row.put("org_id", org.getId());
        row.put("family_id", 0L);
        row.put("channel", Channel.HOTLINE_12355.name());
        row.put("submitter_type", HelpTicket.Submitter.STAFF.name());
        row.put("category", TicketCategory.SUPPLIES.name());
        row.put("urgency", Urgency.NORMAL.name());
        row.put("status", status.name());
        row.put("crisis", false);
        row.put("content_check", HelpTicket.ContentCheck.PASS.name());
        row.put("description_sealed", cipher.seal("台账测试用的求助"));
        row.put("contact_method", ContactMethod.PHONE_CALL.name());
        row.put("overdue", false);
        row.put("accepted_at", accepted);
        row.put("done_at", done);
        row.put("confirmed_at", confirmed);
        row.put("closed_at", closed);
        row.put("rating", rating);
        row.put("version", 0);
        row.put("status_since", created);
        row.put("created_at", created);
        row.put("updated_at", created);
        long id = new org.springframework.jdbc.core.simple.SimpleJdbcInsert(jdbc).withTableName("help_ticket")
                .usingColumns(row.keySet().toArray(String[]::new)).usingGeneratedKeyColumns("id")
                .executeAndReturnKey(row).longValue();
        event(id, org.getId(), status, TicketAction.SUBMIT, created);
        if (accepted != null) {
            event(id, org.getId(), status, TicketAction.ACCEPT, accepted);
        }
        if (done != null) {
            event(id, org.getId(), status, TicketAction.COMPLETE, done);
        }
        if (confirmed != null) {
            event(id, org.getId(), status, TicketAction.CONFIRM, confirmed);
        }
        if (closed != null) {
            event(id, org.getId(), status, TicketAction.CLOSE, closed);
        }
        return id;
    }

    private void event(long ticketId, long orgId, TicketStatus status, TicketAction action, LocalDateTime at) {
        HelpTicketEvent e = new HelpTicketEvent();
        e.setTicketId(ticketId);
        e.setOrgId(orgId);
        e.setAction(action);
        e.setToStatus(action.to() == null ? status : action.to());
        e.setActorType(TicketActor.Kind.STAFF);
        e.setActorName("测试");
        e.setCreatedAt(at);
        events.insert(e);
    }
}
