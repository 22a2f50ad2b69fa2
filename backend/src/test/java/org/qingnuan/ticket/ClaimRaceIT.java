package org.qingnuan.ticket;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qingnuan.api.ticket.TicketCategory;
import org.qingnuan.api.ticket.TicketStatus;
import org.qingnuan.identity.UserSessions;
import org.qingnuan.org.OrgType;
import org.qingnuan.org.OrgUnit;
import org.qingnuan.privacy.Disclosures;
import org.qingnuan.privacy.PersonalDataCipher;
import org.qingnuan.shared.error.DomainException;
import org.qingnuan.testing.Api;
import org.qingnuan.testing.DutyReadyVolunteers;
import org.qingnuan.testing.Fixtures;
import org.qingnuan.testing.IntegrationTest;
import org.qingnuan.ticket.internal.HelpTicketMapper;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.net.ServerSocket;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly one claimer per task, however many press at once: 200 volunteers race for each of 20
 * tasks. Once through the whole stack over HTTP with Redis up, once against the claim itself with
 * Redis gone (a client whose server does not exist): the database alone must give the same answer.
 */
class ClaimRaceIT extends IntegrationTest {

    static final int CLAIMERS = 200;
    static final int TASKS = 20;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.qingnuan.org.OrgService orgs;
    @Autowired
    UserSessions sessions;
    @Autowired
    PersonalDataCipher cipher;
    @Autowired
    HelpTicketMapper tickets;
    @Autowired
    TaskBoardRows boardRows;
    @Autowired
    TaskBoardProperties boardProperties;
    @Autowired
    TicketLifecycle lifecycle;
    @Autowired
    ClaimGuard guard;
    @Autowired
    TicketPhotos photos;
    @Autowired
    TicketViews views;
    @Autowired
    Disclosures disclosures;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    Clock appClock;
    @Autowired
    TicketMeters meters;
    @Autowired
    DailyTaskCounts daily;
    @Autowired
    TicketContentCheck contentCheck;

    OrgUnit district;
    List<DutyReadyVolunteers.Ready> volunteers = new ArrayList<>();
    ExecutorService pool;

    @BeforeEach
    void twoHundredVolunteers() {
        district = fixtures.child(fixtures.city("武汉"), "江岸区" + Fixtures.unique(), OrgType.DISTRICT_LEAGUE);
        DutyReadyVolunteers ready = new DutyReadyVolunteers(jdbc, sessions, cipher);
        for (int i = 0; i < CLAIMERS; i++) {
            volunteers.add(ready.create(district, 30.59, 114.29));
        }
        pool = Executors.newFixedThreadPool(CLAIMERS);
    }

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void overHttpEachTaskHasExactlyOneWinnerAnd199CleanConflicts() throws Exception {
        for (int task = 0; task < TASKS; task++) {
            long ticketId = openTask();
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Api.Response>> results = new ArrayList<>();
            for (DutyReadyVolunteers.Ready v : volunteers) {
                results.add(pool.submit((Callable<Api.Response>) () -> {
                    start.await();
                    return api.post("/api/mini/volunteer/tasks/" + ticketId + "/claim", v.token(), "");
                }));
            }
            start.countDown();
            int won = 0;
            int conflicts = 0;
            for (Future<Api.Response> result : results) {
                Api.Response r = result.get();
                if (r.status() == 200) {
                    won++;
                } else {
                    assertThat(r.status()).as(r.raw()).isEqualTo(409);
                    assertThat(r.code()).isIn("TICKET_STATE_CONFLICT", "TOO_MANY_ACTIVE_TASKS");
                    conflicts++;
                }
            }
            assertThat(won).as("winners of task " + ticketId).isEqualTo(1);
            assertThat(conflicts).isEqualTo(CLAIMERS - 1);
            assertClaimedOnce(ticketId);
        }
    }

    @Test
    void withRedisGoneTheDatabaseAloneStillGivesExactlyOneWinner() throws Exception {
        RedissonClient gone = redisThatIsNotThere();
        try {
            VolunteerTasks board = new VolunteerTasks(orgs, tickets, boardRows, lifecycle, new OpenTaskIndex(gone, seenDown(), tickets, new ClaimFlags(gone, seenDown()), boardProperties),
                    guard, photos, views, cipher, disclosures, new ClaimFlags(gone, seenDown()), transactions, publisher, appClock, meters, daily, contentCheck);
            for (int task = 0; task < TASKS; task++) {
                long ticketId = openTask();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<String>> results = new ArrayList<>();
                for (DutyReadyVolunteers.Ready v : volunteers) {
                    VolunteerActor actor = new VolunteerActor(v.volunteerId(), "志愿者", EnumSet.allOf(TicketCategory.class),
                            new BigDecimal("30.59"), new BigDecimal("114.29"), 20, 3);
                    results.add(pool.submit(() -> {
                        start.await();
                        try {
                            board.claim(actor.volunteerId(), () -> actor, ticketId);
                            return "WON";
                        } catch (DomainException e) {
                            return e.code().name();
                        }
                    }));
                }
                start.countDown();
                List<String> outcomes = new ArrayList<>();
                for (Future<String> result : results) {
                    outcomes.add(result.get());
                }
                assertThat(outcomes).filteredOn("WON"::equals).hasSize(1);
                assertThat(outcomes).filteredOn(o -> !o.equals("WON"))
                        .hasSize(CLAIMERS - 1).allMatch(o -> o.equals("TICKET_STATE_CONFLICT") || o.equals("TOO_MANY_ACTIVE_TASKS"));
                assertClaimedOnce(ticketId);
            }
            // and the board still lists tasks without Redis, from the database
            long open = openTask();
            VolunteerActor anyone = new VolunteerActor(volunteers.get(0).volunteerId(), "志愿者", EnumSet.allOf(TicketCategory.class),
                    new BigDecimal("30.59"), new BigDecimal("114.29"), 20, 3);
            assertThat(board.nearby(anyone)).extracting(t -> t.id()).contains(open);
        } finally {
            gone.shutdown();
        }
    }

    private void assertClaimedOnce(long ticketId) {
        HelpTicket t = tickets.selectById(ticketId);
        assertThat(t.getStatus()).isEqualTo(TicketStatus.CLAIMED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM help_ticket_event WHERE ticket_id = ? AND action = 'CLAIM'",
                Long.class, ticketId)).isEqualTo(1);
    }

    /** An open task near the volunteers, straight in the database. */
    @Test
    void theOpenTaskIndexIsRebuiltFromTheDatabase(@Autowired VolunteerTasks board, @Autowired RedissonClient redisson) {
        long open = openTask();
        jdbc.update("UPDATE help_ticket SET category = 'TUTORING' WHERE id = ?", open);
        // as after a Redis restart without data: the index and its marker are gone
        redisson.getKeys().deleteByPattern("qn:tasks:open*");
        VolunteerActor tutor = new VolunteerActor(1L, "志愿者", EnumSet.of(TicketCategory.TUTORING),
                new BigDecimal("30.5900"), new BigDecimal("114.2900"), 20, 3);
        // the index is gone (Redis restarted empty): the board reads the database meanwhile, never silently empty
        assertThat(board.nearby(tutor)).extracting(t -> t.id()).contains(open);
        assertThat(board.rebuildIndex()).isPositive();
        assertThat(board.nearby(tutor)).extracting(t -> t.id()).contains(open);
        jdbc.update("UPDATE help_ticket SET status = 'CLOSED' WHERE id = ?", open);
    }

    @Test
    void withRedisGoneTheBoardStillShowsTheNearestTasksOfADenseCity() throws Exception {
        // 1,200 open tasks 10 km south (they come first in any index order), then one 0.5 km away
        String description = cipher.seal("请帮忙买一袋米和一桶油");
        String address = cipher.seal("江岸区测试路2号");
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(clock));
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            rows.add(new Object[] {district.getId(), description, address, 30.5000 + i * 0.000001, now, now});
        }
        jdbc.batchUpdate("INSERT INTO help_ticket (org_id, family_id, channel, submitter_type, category, urgency, status, crisis,"
                + " content_check, description_sealed, address_sealed, district, latitude, longitude, contact_method, version,"
                + " created_at, updated_at) VALUES (?, 0, 'MINI_PROGRAM', 'FAMILY', 'SUPPLIES', 'NORMAL', 'OPEN', 0, 'PASS', ?, ?,"
                + " '江岸区', ?, 114.2900, 'PHONE_CALL', 0, ?, ?)", rows);
        long near = openTask();
        RedissonClient gone = redisThatIsNotThere();
        try {
            VolunteerTasks board = new VolunteerTasks(orgs, tickets, boardRows, lifecycle, new OpenTaskIndex(gone, seenDown(), tickets, new ClaimFlags(gone, seenDown()), boardProperties),
                    guard, photos, views, cipher, disclosures, new ClaimFlags(gone, seenDown()), transactions, publisher, appClock, meters, daily, contentCheck);
            VolunteerActor volunteer = new VolunteerActor(1L, "志愿者", EnumSet.of(TicketCategory.SUPPLIES),
                    new BigDecimal("30.5900"), new BigDecimal("114.2900"), 20, 3);
            List<org.qingnuan.api.volunteer.TaskView> shown = board.nearby(volunteer);
            assertThat(shown).extracting(t -> t.id()).contains(near);
            assertThat(shown.get(0).distanceKm()).as("nearest first").isLessThan(1.0);
        } finally {
            gone.shutdown();
            jdbc.update("UPDATE help_ticket SET status = 'CLOSED' WHERE status = 'OPEN' AND address_sealed = ?", address);
        }
    }

    private long openTask() {
        return TaskRows.insert(jdbc, cipher, clock, district.getId(), "OPEN", 30.59, 114.295);
    }

    private static org.qingnuan.shared.redis.RedisAvailability seenDown() {
        return new org.qingnuan.shared.redis.RedisAvailability(java.time.Duration.ofSeconds(3));
    }

    private static RedissonClient redisThatIsNotThere() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Config config = new Config();
        config.setLazyInitialization(true);
        config.useSingleServer().setAddress("redis://127.0.0.1:" + port).setConnectTimeout(200).setTimeout(200)
                .setRetryAttempts(0).setConnectionMinimumIdleSize(0).setConnectionPoolSize(2);
        return Redisson.create(config);
    }
}
