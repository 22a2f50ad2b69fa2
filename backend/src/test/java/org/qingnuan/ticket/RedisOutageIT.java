package org.qingnuan.ticket;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qingnuan.api.ticket.TicketCategory;
import org.qingnuan.api.ticket.TicketStatus;
import org.qingnuan.identity.UserSessions;
import org.qingnuan.org.OrgType;
import org.qingnuan.org.OrgUnit;
import org.qingnuan.privacy.PersonalDataCipher;
import org.qingnuan.staff.StaffRole;
import org.qingnuan.testing.Api;
import org.qingnuan.testing.DutyReadyVolunteers;
import org.qingnuan.testing.Fixtures;
import org.qingnuan.testing.IntegrationTest;
import org.qingnuan.ticket.internal.HelpTicketMapper;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application against a redis-server of its own (started here on port {@value #REDIS_PORT}), which the
 * test kills and starts again empty, as a Redis restarted without persistence would be. With Redis gone,
 * signed-in volunteers still race for tasks (the database decides: one winner each, no 5xx), staff still read
 * and dispatch, and what needs Redis answers a JSON 503 within 2 s; once Redis is back everything works
 * again and the task board's index is rebuilt from the database, the board never showing an empty list
 * meanwhile.
 */
class RedisOutageIT extends IntegrationTest {

    static final int REDIS_PORT = Integer.parseInt(System.getenv().getOrDefault("QN_TEST_OWN_REDIS_PORT", "20110"));
    static final int VOLUNTEERS = 200;
    static final int TASKS = 100;
    static final int TRIES_EACH = 10;
    static final int CLIENT_THREADS = 24;

    private static Process redis;

    @DynamicPropertySource
    static void ownRedis(DynamicPropertyRegistry registry) {
        startRedis();
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", () -> REDIS_PORT);
        registry.add("spring.data.redis.database", () -> 0);
        // this context's own jobs stay quiet; the test reconciles the index itself
        registry.add("qingnuan.ticket.index-check", () -> "1h");
        // more connections than the race's client threads: the race measures the claim, not waiting for the pool
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> CLIENT_THREADS + 6);
    }

    @AfterAll
    static void stopRedis() {
        if (redis != null) {
            redis.destroyForcibly();
        }
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserSessions sessions;
    @Autowired
    PersonalDataCipher cipher;
    @Autowired
    HelpTicketMapper tickets;
    @Autowired
    VolunteerTasks board;
    @Autowired
    OpenTaskReconciler reconciler;
    @Autowired
    RedissonClient redisson;

    OrgUnit district;
    ExecutorService pool;

    @BeforeEach
    void redisUp() {
        if (redis == null || !redis.isAlive()) {
            startRedis();
        }
        awaitRecovered();
        district = fixtures.child(fixtures.city("武汉"), "江汉区" + Fixtures.unique(), OrgType.DISTRICT_LEAGUE);
        pool = Executors.newFixedThreadPool(CLIENT_THREADS);
    }

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void withRedisKilledSignedInUsersKeepWorkingAndEachTaskHasExactlyOneWinner() throws Exception {
        DutyReadyVolunteers ready = new DutyReadyVolunteers(jdbc, sessions, cipher);
        List<DutyReadyVolunteers.Ready> volunteers = new ArrayList<>();
        for (int i = 0; i < VOLUNTEERS; i++) {
            volunteers.add(ready.create(district, 30.58, 114.27));
        }
        List<Long> tasks = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            tasks.add(task("OPEN", 30.58 + i * 0.0001));
        }
        OrgUnit fleet = fixtures.child(district, "爱心车队" + Fixtures.unique(), OrgType.PARTNER_UNIT);
        String staff = api.login(fixtures.staff(district, StaffRole.DISPATCHER).getUsername(), Fixtures.PASSWORD);
        String signedOut = volunteers.get(0).token();
        assertThat(api.get("/api/mini/volunteer/tasks/nearby", signedOut).status()).isEqualTo(200);
        long logBefore = logLength();

        killRedis();

        // a signed-in volunteer still sees the board (from the database) and nobody waits for Redis
        long started = System.nanoTime();
        Api.Response board = api.get("/api/mini/volunteer/tasks/nearby", volunteers.get(1).token());
        assertThat(board.status()).as(board.raw()).isEqualTo(200);
        assertThat(board.body().findValuesAsText("id")).contains(tasks.get(0).toString());
        assertThat(millisSince(started)).as("first request after the kill").isLessThan(2000);

        // what truly needs Redis: a JSON 503 with code, Chinese message and traceId, within 2 s
        started = System.nanoTime();
        Api.Response miniLogin = api.post("/api/mini/auth/login", null, Map.of("code", "any-code"));
        assertOutage(miniLogin, "SIGN_IN_UNAVAILABLE", started);
        started = System.nanoTime();
        Api.Response staffLogin = api.post("/api/admin/auth/login", null,
                Map.of("username", "nobody" + Fixtures.unique(), "password", "whatever-123"));
        assertOutage(staffLogin, "REDIS_UNAVAILABLE", started);
        started = System.nanoTime();
        Api.Response stranger = api.get("/api/mini/me", "a-token-this-instance-never-saw");
        assertOutage(stranger, "REDIS_UNAVAILABLE", started);

        // a sign-out during the outage counts at once on this instance
        assertThat(api.post("/api/mini/auth/logout", signedOut, "").status()).isLessThan(300);
        Api.Response afterLogout = api.get("/api/mini/me", signedOut);
        assertThat(afterLogout.status()).isEqualTo(401);
        assertThat(afterLogout.code()).isEqualTo("SESSION_REVOKED");

        // 200 volunteers race: each presses 10 tasks, so each task has 20 volunteers pressing; the presses are sent
        // task by task, so that a task's 20 run at the same moment on the client's threads
        List<long[]> pairs = new ArrayList<>();
        for (int v = 1; v < VOLUNTEERS; v++) {
            for (int j = 0; j < TRIES_EACH; j++) {
                pairs.add(new long[] {(v * 7 + j * 10) % TASKS, v});
            }
        }
        pairs.sort(java.util.Comparator.comparingLong(p -> p[0]));
        Map<Long, List<Integer>> answers = new ConcurrentHashMap<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> presses = new ArrayList<>();
        for (long[] pair : pairs) {
            long taskId = tasks.get((int) pair[0]);
            DutyReadyVolunteers.Ready volunteer = volunteers.get((int) pair[1]);
            presses.add(pool.submit((Callable<Void>) () -> {
                go.await();
                Api.Response r = api.post("/api/mini/volunteer/tasks/" + taskId + "/claim", volunteer.token(), "");
                answers.computeIfAbsent(taskId, k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                        .add(r.status());
                if (r.status() != 200) {
                    assertThat(r.status()).as(r.raw()).isEqualTo(409);
                    assertThat(r.code()).isIn("TICKET_STATE_CONFLICT", "TOO_MANY_ACTIVE_TASKS");
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> press : presses) {
            press.get(5, TimeUnit.MINUTES);
        }
        for (long taskId : tasks) {
            assertThat(answers.get(taskId)).as("answers for task " + taskId).isNotEmpty().allMatch(s -> s == 200 || s == 409);
            assertThat(answers.get(taskId)).as("winners of task " + taskId).filteredOn(s -> s == 200).hasSize(1);
            assertThat(tickets.selectById(taskId).getStatus()).isEqualTo(TicketStatus.CLAIMED);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM help_ticket_event WHERE ticket_id = ? AND action = 'CLAIM'",
                    Long.class, taskId)).isEqualTo(1);
        }

        // staff signed in before the outage read and dispatch
        long accepted = task("ACCEPTED", 30.59);
        Api.Response read = api.get("/api/admin/tickets/" + accepted, staff);
        assertThat(read.status()).as(read.raw()).isEqualTo(200);
        Api.Response dispatched = api.post("/api/admin/tickets/" + accepted + "/dispatch", staff, Map.of("unitOrgId", fleet.getId(),
                "deadline", LocalDateTime.now(clock).plusHours(4).withNano(0).toString(), "note", "Redis 停了也要派单"));
        assertThat(dispatched.status()).as(dispatched.raw()).isEqualTo(200);
        assertThat(tickets.selectById(accepted).getStatus()).isEqualTo(TicketStatus.DISPATCHED);

        // the outage is told in a few lines, not a stack trace per request
        String logged = logSince(logBefore);
        assertThat(logged).doesNotContain("Unhandled exception").doesNotContain("\tat org.redisson");

        startRedis();
        awaitRecovered();
        // Redis came back empty: old tokens are gone with it (the mini-program signs in again silently)
        Api.Response again = api.post("/api/admin/auth/login", null,
                Map.of("username", "nobody" + Fixtures.unique(), "password", "whatever-123"));
        assertThat(again.status()).as(again.raw()).isEqualTo(401);
        assertThat(api.login(fixtures.staff(district, StaffRole.VIEWER).getUsername(), Fixtures.PASSWORD)).isNotBlank();
    }

    @Test
    void aRedisRestartedWithoutDataNeverLeavesTheBoardEmptyAndTheIndexIsRebuilt() throws Exception {
        DutyReadyVolunteers.Ready volunteer = new DutyReadyVolunteers(jdbc, sessions, cipher).create(district, 30.62, 114.30);
        long open = task("OPEN", 30.6201);
        assertThat(reconciler.reconcile(true)).isIn(OpenTaskReconciler.Outcome.REBUILT, OpenTaskReconciler.Outcome.IN_STEP);
        VolunteerActor actor = new VolunteerActor(volunteer.volunteerId(), "志愿者", EnumSet.allOf(TicketCategory.class),
                new BigDecimal("30.6200"), new BigDecimal("114.3000"), 20, 3);
        assertThat(board.nearby(actor)).extracting(t -> t.id()).contains(open);

        killRedis();
        startRedis();
        awaitRecovered();
        assertThat(redisson.getBucket(OpenTaskIndex.BUILT).isExists()).as("Redis came back empty").isFalse();

        // the index is missing: the board reads the database instead of showing nothing
        assertThat(board.nearby(actor)).extracting(t -> t.id()).contains(open);
        assertThat(reconciler.reconcile(false)).isEqualTo(OpenTaskReconciler.Outcome.REBUILT);
        assertThat(redisson.getBucket(OpenTaskIndex.BUILT).isExists()).isTrue();
        assertThat(redisson.getGeo("qn:tasks:open:SUPPLIES").size()).isPositive();
        // from the rebuilt index now: a task put straight in the database (no event) is not in it…
        long unseen = task("OPEN", 30.6202);
        assertThat(board.nearby(actor)).extracting(t -> t.id()).contains(open).doesNotContain(unseen);
        // …until the comparison with the database finds the index behind and rebuilds it
        assertThat(reconciler.reconcile(true)).isEqualTo(OpenTaskReconciler.Outcome.REBUILT);
        assertThat(board.nearby(actor)).extracting(t -> t.id()).contains(open, unseen);
        assertThat(reconciler.reconcile(true)).isEqualTo(OpenTaskReconciler.Outcome.IN_STEP);
    }

    private void assertOutage(Api.Response r, String code, long startedNanos) {
        assertThat(millisSince(startedNanos)).as(code + " answered within 2 s").isLessThan(2000);
        assertThat(r.status()).as(r.raw()).isEqualTo(503);
        assertThat(r.code()).isEqualTo(code);
        assertThat(r.body().get("message").asText()).containsPattern("\\p{IsHan}");
        assertThat(r.body().get("traceId").asText()).isNotBlank();
    }

    /** Redis answers the application again (the availability flag lets a probe through within seconds). */
    private void awaitRecovered() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try {
                redisson.getBucket("qn:test:probe").isExists();
                // a sign-in needs Redis: anything but 503 means the application uses Redis again
                if (api.post("/api/admin/auth/login", null, Map.of("username", "x", "password", "y")).status() != 503) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // still down
            }
            sleep(200);
        }
        throw new AssertionError("Redis did not come back within 20 s");
    }

    private long task(String status, double latitude) {
        return TaskRows.insert(jdbc, cipher, clock, district.getId(), status, latitude, 114.295);
    }

    private static synchronized void startRedis() {
        if (redis != null && redis.isAlive()) {
            return;
        }
        try {
            Path dir = Files.createDirectories(Path.of("target", "outage-redis"));
            redis = new ProcessBuilder("redis-server", "--port", Integer.toString(REDIS_PORT), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--dir", dir.toAbsolutePath().toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("redis-server is needed on the PATH for this test", e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (ping()) {
                return;
            }
            sleep(50);
        }
        throw new IllegalStateException("redis-server did not start on port " + REDIS_PORT);
    }

    private static void killRedis() throws InterruptedException {
        redis.destroyForcibly();
        assertThat(redis.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    private static boolean ping() {
        try (Socket socket = new Socket("127.0.0.1", REDIS_PORT)) {
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = new byte[7];
            return in.read(answer) > 0 && new String(answer, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException notYet) {
            return false;
        }
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    private static long logLength() throws IOException {
        Path log = Path.of("target/test-logs/test-run.log");
        return Files.exists(log) ? Files.size(log) : 0;
    }

    private static String logSince(long offset) throws IOException {
        byte[] all = Files.readAllBytes(Path.of("target/test-logs/test-run.log"));
        return new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset), StandardCharsets.UTF_8);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
