package org.qingnuan.ticket;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.qingnuan.api.ticket.Channel;
import org.qingnuan.api.ticket.TicketStatus;
import org.qingnuan.staff.StaffRole;
import org.qingnuan.testing.Api.Response;
import org.qingnuan.testing.Fixtures;
import org.qingnuan.testing.IntegrationTest;
import org.qingnuan.ticket.internal.HelpTicketMapper;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** 一家一策: a standing plan creates each occurrence's task once, open to volunteers, even with two runners racing. */
class CarePlanIT extends IntegrationTest {

    @Autowired
    CarePlans plans;
    @Autowired
    HelpTicketMapper tickets;

    @Test
    void eachOccurrenceOpensOneTaskAheadOfTimeWhateverRunsTheJob() throws Exception {
        FamilyOnMiniProgram family = FamilyOnMiniProgram.register(api, fixtures, "武汉", "oFam");
        LocalDate serviceDay = LocalDate.now(clock).plusDays(2);
        Map<String, Object> plan = Map.of("category", "SUPPLIES", "description", "每周送一次新鲜蔬菜和水果",
                "daysOfWeek", List.of(serviceDay.getDayOfWeek().getValue()), "serviceTime", "10:00",
                "durationMinutes", 60, "leadHours", 24);
        Response bad = api.post("/api/admin/families/" + family.familyId + "/care-plans", family.dispatcherToken,
                Map.of("category", "SUPPLIES", "description", "每周送一次新鲜蔬菜和水果", "daysOfWeek", List.of(8),
                        "serviceTime", "10:00"));
        assertThat(bad.status()).isEqualTo(400);
        String otherCity = api.login(fixtures.staff(fixtures.city("深圳"), StaffRole.DISPATCHER).getUsername(), Fixtures.PASSWORD);
        assertThat(api.post("/api/admin/families/" + family.familyId + "/care-plans", otherCity, plan).status()).isEqualTo(404);
        Response created = api.post("/api/admin/families/" + family.familyId + "/care-plans", family.dispatcherToken, plan);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        long planId = created.body().get("id").asLong();

        plans.createDue();
        assertThat(planTasks(family.familyId)).as("too early: opens 24 h before").isEmpty();

        clock.advance(Duration.between(LocalDateTime.now(clock), serviceDay.minusDays(1).atTime(10, 1)));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> runs = new ArrayList<>();
                for (int instance = 0; instance < 2; instance++) {
                    runs.add(pool.submit(() -> {
                        start.await();
                        return plans.createDue();
                    }));
                }
                start.countDown();
                for (Future<Integer> run : runs) {
                    run.get();
                }
            }
        } finally {
            pool.shutdownNow();
        }
        List<HelpTicket> made = planTasks(family.familyId);
        assertThat(made).hasSize(1);
        HelpTicket task = made.get(0);
        assertThat(task.getStatus()).isEqualTo(TicketStatus.OPEN);
        assertThat(task.getWindowStart()).isEqualTo(serviceDay.atTime(LocalTime.of(10, 0)));
        // a day later the morning's staff session has expired: sign in again
        String staff = api.login(fixtures.staff(family.city, StaffRole.DISPATCHER).getUsername(), Fixtures.PASSWORD);
        JsonNode history = api.get("/api/admin/tickets/" + task.getId(), staff).body().get("history");
        assertThat(history.findValuesAsText("action")).containsExactly("SUBMIT", "ACCEPT", "OPEN");
        assertThat(history.get(0).get("actor").asText()).contains("一家一策");

        // next week's occurrence comes after a stop: none
        api.post("/api/admin/care-plans/" + planId + "/stop", staff, "");
        clock.advance(Duration.ofDays(7));
        plans.createDue();
        assertThat(planTasks(family.familyId)).hasSize(1);
        staff = api.login(fixtures.staff(family.city, StaffRole.DISPATCHER).getUsername(), Fixtures.PASSWORD);
        assertThat(api.get("/api/admin/families/" + family.familyId + "/care-plans", staff).body()
                .get(0).get("active").asBoolean()).isFalse();
    }

    private List<HelpTicket> planTasks(long familyId) {
        return tickets.selectList(new LambdaQueryWrapper<HelpTicket>().eq(HelpTicket::getFamilyId, familyId)
                .eq(HelpTicket::getChannel, Channel.CARE_PLAN));
    }
}
