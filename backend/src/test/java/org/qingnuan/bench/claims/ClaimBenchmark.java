package org.qingnuan.bench.claims;

import org.qingnuan.api.ticket.TicketCategory;
import org.qingnuan.api.volunteer.Skill;
import org.qingnuan.identity.UserSessions;
import org.qingnuan.org.OrgRequests;
import org.qingnuan.org.OrgService;
import org.qingnuan.org.OrgType;
import org.qingnuan.org.OrgUnit;
import org.qingnuan.privacy.PersonalDataCipher;
import org.qingnuan.shared.error.DomainException;
import org.qingnuan.testing.DutyReadyVolunteers;
import org.qingnuan.ticket.VolunteerActor;
import org.qingnuan.ticket.VolunteerTasks;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.util.AopTestUtils;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Issue #5: the claim race over HTTP on the real MariaDB against a plain-JDBC floor measured in the
 * same run, and the nearby-tasks query with 100,000 open tasks in a province. A benchmark, not a
 * test: run it with {@code benchmarks/claims.sh}. Parameters (system properties or environment):
 * CLAIM_VOLUNTEERS, CLAIM_CONTENDERS, CLAIM_CLIENTS, CLAIM_ROUNDS, CLAIM_WARMUP_ROUNDS, NEARBY_TASKS,
 * NEARBY_VOLUNTEERS, NEARBY_REQUESTS, NEARBY_CLIENTS, NEARBY_FALLBACK_REQUESTS; BENCH_JFR records the
 * measured claim rounds; QN_BENCH_APP_ARGS adds application arguments (a what-if, printed as such).
 *
 * <p>Contest pattern, the same for the app and the floor: per round, {@code 3 × volunteers / k} new
 * OPEN tasks; each task is claimed by k different volunteers whose requests sit next to each other
 * in one shared queue, so the k requests leave at the same moment and race. Every volunteer
 * contends for exactly 3 tasks a round (the cap of active tasks), so no claim is refused for the cap;
 * between rounds (not timed) the round's claimed tasks are marked DONE, which frees the volunteers.
 * Three sides, rounds alternating after CLAIM_WARMUP_ROUNDS warm-up rounds of each: the claim over HTTP, the same
 * {@code VolunteerTasks.claim} called in-process (no HTTP, security filter or session), and the floor.
 * Each side's CPU time (this JVM, mariadbd, redis-server) per decided claim is printed too, so that
 * the cost can be read apart from how busy the machine was.
 */
public final class ClaimBenchmark {

    static final int VOLUNTEERS = BenchApp.param("CLAIM_VOLUNTEERS", 640);
    static final int CONTENDERS = BenchApp.param("CLAIM_CONTENDERS", 8);
    static final int CLIENTS = BenchApp.param("CLAIM_CLIENTS", 64);
    static final int ROUNDS = BenchApp.param("CLAIM_ROUNDS", 4);
    static final int WARMUP_ROUNDS = BenchApp.param("CLAIM_WARMUP_ROUNDS", 3);
    static final int CONTESTS_PER_VOLUNTEER = 3;
    static final int NEARBY_TASKS = BenchApp.param("NEARBY_TASKS", 100_000);
    static final int NEARBY_VOLUNTEERS = BenchApp.param("NEARBY_VOLUNTEERS", 200);
    static final int NEARBY_REQUESTS = BenchApp.param("NEARBY_REQUESTS", 2_000);
    static final int NEARBY_CLIENTS = BenchApp.param("NEARBY_CLIENTS", 16);
    static final int FALLBACK_REQUESTS = BenchApp.param("NEARBY_FALLBACK_REQUESTS", 40);
    /** Which sides run (A app, P in-process, J floor, C ceiling): all by default; fewer for a profile of one. */
    static final String SIDES = BenchApp.env("CLAIM_SIDES", "APJC");

    /** Guangdong, roughly: the box and four Pearl River Delta cities where half the tasks and volunteers are. */
    static final double LAT_MIN = 20.2, LAT_MAX = 25.5, LNG_MIN = 109.6, LNG_MAX = 117.3;
    static final double[][] CITIES = {{23.13, 113.26}, {22.54, 114.06}, {23.02, 113.75}, {23.02, 113.12}};
    static final double CITY_SHARE = 0.5;
    static final double CITY_SIGMA_DEG = 0.15;

    static final String CLAIM_SQL = "UPDATE help_ticket SET status = 'CLAIMED', claimed_by = ?, version = version + 1"
            + " WHERE id = ? AND status = 'OPEN' AND version = ?";

    private static final AtomicInteger ERRORS = new AtomicInteger();
    private static final CpuMeter CPU = new CpuMeter();

    private ConfigurableApplicationContext app;
    private JdbcTemplate jdbc;
    private PersonalDataCipher cipher;
    private OrgUnit district;
    private String sealedDescription;
    private String sealedAddress;
    private int port;

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        int code;
        try {
            code = new ClaimBenchmark().run();
        } catch (Throwable t) {
            t.printStackTrace();
            code = 2;
        }
        System.out.flush();
        System.exit(code);
    }

    private int run() throws Exception {
        System.out.println("== Issue #5: claim race and nearby tasks ==");
        BenchApp.printMachine();
        int tasksPerRound = CONTESTS_PER_VOLUNTEER * VOLUNTEERS / CONTENDERS;
        System.out.printf("Parameters: %d volunteers, %d clients, %d contenders per task, %d tasks (%d claims) per round,"
                        + " %d measured rounds per side after %d warm-up; nearby: %d open tasks, %d volunteers, %d requests from %d clients%n",
                VOLUNTEERS, CLIENTS, CONTENDERS, tasksPerRound, tasksPerRound * CONTENDERS, ROUNDS, WARMUP_ROUNDS, NEARBY_TASKS,
                NEARBY_VOLUNTEERS, NEARBY_REQUESTS, NEARBY_CLIENTS);

        if (!BenchApp.env("QN_BENCH_APP_ARGS", "").isBlank()) {
            System.out.println("WHAT-IF, not the application as configured: extra arguments " + BenchApp.env("QN_BENCH_APP_ARGS", ""));
        }
        BenchApp.resetServices();
        long started = System.nanoTime();
        app = BenchApp.start();
        System.out.printf("App started in %.1f s (profile prod, Hikari pool %s, Tomcat max threads %s)%n",
                (System.nanoTime() - started) / 1e9, app.getEnvironment().getProperty("spring.datasource.hikari.maximum-pool-size"),
                app.getEnvironment().getProperty("server.tomcat.threads.max", "200"));
        port = ((WebServerApplicationContext) app).getWebServer().getPort();
        jdbc = app.getBean(JdbcTemplate.class);
        cipher = app.getBean(PersonalDataCipher.class);
        OrgService orgs = app.getBean(OrgService.class);
        long root = jdbc.queryForObject("SELECT id FROM org_unit WHERE parent_id IS NULL", Long.class);
        OrgUnit city = orgs.create(new OrgRequests.CreateOrgRequest(root, "广州市团委", OrgType.CITY_LEAGUE, "广州市"));
        district = orgs.create(new OrgRequests.CreateOrgRequest(city.getId(), "越秀区团委", OrgType.DISTRICT_LEAGUE, "越秀区"));
        sealedDescription = cipher.seal("请帮忙买一袋米和一桶油");
        sealedAddress = cipher.seal("越秀区测试路1号");
        try {
            claims(tasksPerRound);
            nearby();
        } finally {
            app.close();
        }
        System.out.println("Load average at end: " + BenchApp.loadAverage());
        if (ERRORS.get() > 0) {
            System.out.println("ERRORS: " + ERRORS.get() + " (see above)");
            return 1;
        }
        return 0;
    }

    // ---------------------------------------------------------------- claims

    private record Claim(long taskId, int volunteer) {
    }

    private enum Outcome { WIN, LOSS, TOO_MANY, ERROR }

    private interface Claimer {
        Outcome claim(int client, long taskId, int volunteer) throws Exception;
    }

    private static final class Totals {
        long nanos;
        int wins;
        int losses;
        int tooMany;
        int errors;
        final Latencies latencies = new Latencies();

        final long[] cpu = new long[4];

        int decided() {
            return wins + losses + tooMany;
        }
    }

    private void claims(int tasksPerRound) throws Exception {
        DutyReadyVolunteers factory = new DutyReadyVolunteers(jdbc, app.getBean(UserSessions.class), cipher);
        long t0 = System.nanoTime();
        List<DutyReadyVolunteers.Ready> volunteers = new ArrayList<>();
        for (int i = 0; i < VOLUNTEERS; i++) {
            volunteers.add(factory.create(district, 23.13, 113.26));
        }
        System.out.printf("Created %d duty-ready volunteers with sessions in %.1f s%n", VOLUNTEERS, (System.nanoTime() - t0) / 1e9);

        RawHttp[] http = new RawHttp[CLIENTS];
        Connection[] connections = new Connection[CLIENTS];
        PreparedStatement[] updates = new PreparedStatement[CLIENTS];
        for (int c = 0; c < CLIENTS; c++) {
            http[c] = new RawHttp("127.0.0.1", port);
            connections[c] = BenchApp.connect();
            connections[c].setAutoCommit(true);
            updates[c] = connections[c].prepareStatement(CLAIM_SQL);
        }
        Claimer overHttp = (client, taskId, volunteer) -> {
            RawHttp.Response r = http[client].post("/api/mini/volunteer/tasks/" + taskId + "/claim", volunteers.get(volunteer).token());
            if (r.status() == 200) {
                return Outcome.WIN;
            }
            if (r.status() == 409) {
                return r.body().contains("TOO_MANY_ACTIVE_TASKS") ? Outcome.TOO_MANY : Outcome.LOSS;
            }
            error("claim answered " + r.status() + ": " + r.body());
            return Outcome.ERROR;
        };
        VolunteerTasks board = app.getBean(VolunteerTasks.class);
        List<VolunteerActor> actors = volunteers.stream().map(v -> new VolunteerActor(v.volunteerId(), "志愿者",
                Skill.categoriesFor(EnumSet.allOf(Skill.class)), new BigDecimal("23.130000"), new BigDecimal("113.260000"), 20, 3)).toList();
        Claimer inProcess = (client, taskId, volunteer) -> {
            try {
                board.claim(actors.get(volunteer).volunteerId(), () -> actors.get(volunteer), taskId);
                return Outcome.WIN;
            } catch (DomainException e) {
                if (e.code().name().equals("TICKET_STATE_CONFLICT")) {
                    return Outcome.LOSS;
                }
                if (e.code().name().equals("TOO_MANY_ACTIVE_TASKS")) {
                    return Outcome.TOO_MANY;
                }
                error("in-process claim refused: " + e.code().name());
                return Outcome.ERROR;
            }
        };
        Claimer plainJdbc = (client, taskId, volunteer) -> {
            PreparedStatement update = updates[client];
            update.setLong(1, volunteers.get(volunteer).volunteerId());
            update.setLong(2, taskId);
            update.setInt(3, 0);
            return update.executeUpdate() == 1 ? Outcome.WIN : Outcome.LOSS;
        };

        // the ceiling: the same clients, tokens and connections asking for the cheapest signed-in answer the API has
        // (the subscribe-message templates: the whole filter chain, the session and the user's roles, no feature work)
        Claimer ceiling = (client, taskId, volunteer) -> {
            RawHttp.Response r = http[client].get("/api/mini/subscriptions/templates", volunteers.get(volunteer).token());
            if (r.status() == 200) {
                return Outcome.LOSS;
            }
            error("templates answered " + r.status() + ": " + r.body());
            return Outcome.ERROR;
        };

        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        Totals ceil = new Totals();
        Totals app = new Totals();
        Totals direct = new Totals();
        Totals floor = new Totals();
        try {
            for (int w = 1; w <= WARMUP_ROUNDS; w++) {
                if (SIDES.contains("A")) {
                    round("WA" + w, -w, tasksPerRound, overHttp, pool, new Totals(), true);
                }
                if (SIDES.contains("P")) {
                    round("WP" + w, -w, tasksPerRound, inProcess, pool, new Totals(), true);
                }
                if (SIDES.contains("J")) {
                    round("WJ" + w, -w, tasksPerRound, plainJdbc, pool, new Totals(), false);
                }
                if (SIDES.contains("C")) {
                    round("WC" + w, -w, tasksPerRound, ceiling, pool, new Totals(), false);
                }
            }
            // BENCH_JFR=<file>: a JDK Flight Recording (profile settings) of the measured claim rounds only
            String jfr = BenchApp.env("BENCH_JFR", "");
            jdk.jfr.Recording recording = null;
            if (!jfr.isEmpty()) {
                recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
                recording.setDestination(java.nio.file.Path.of(jfr));
                recording.start();
            }
            for (int r = 1; r <= ROUNDS; r++) {
                if (SIDES.contains("A")) {
                    round("A" + r, r, tasksPerRound, overHttp, pool, app, true);
                }
                if (SIDES.contains("P")) {
                    round("P" + r, r, tasksPerRound, inProcess, pool, direct, true);
                }
                if (SIDES.contains("J")) {
                    round("J" + r, r, tasksPerRound, plainJdbc, pool, floor, false);
                }
                if (SIDES.contains("C")) {
                    round("C" + r, r, tasksPerRound, ceiling, pool, ceil, false);
                }
            }
            if (recording != null) {
                recording.stop();
                recording.close();
                System.out.println("Flight recording of the measured claim rounds: " + jfr);
            }
        } finally {
            pool.shutdownNow();
            for (int c = 0; c < CLIENTS; c++) {
                http[c].close();
                connections[c].close();
            }
        }
        int connects = 0;
        for (RawHttp h : http) {
            connects += h.reconnects();
        }

        System.out.println();
        System.out.printf("Claim race: %d clients, %d contenders per task, %d rounds x %d tasks per side (HTTP connections opened: %d)%n"
                        + "(the in-process row calls the VolunteerTasks bean from the same 64 threads: no HTTP, security filter or session lookup)%n",
                CLIENTS, CONTENDERS, ROUNDS, tasksPerRound, connects);
        System.out.printf("%-26s %8s %6s %7s %9s %10s %8s %8s %8s %8s%n", "", "requests", "wins", "losses", "decided/s", "wins/s",
                "p50 ms", "p90 ms", "p99 ms", "max ms");
        row("app: HTTP claim", app);
        row("VolunteerTasks.claim()", direct);
        row("floor: JDBC UPDATE", floor);
        row("ceiling: signed-in GET", ceil);
        System.out.printf("CPU per decided claim (ms): %-24s %-24s %-24s %s%n", "JVM (app + clients)", "of which JIT compiler",
                "mariadbd (shared)", "redis-server (shared)");
        cpuRow("app: HTTP claim", app);
        cpuRow("VolunteerTasks.claim()", direct);
        cpuRow("floor: JDBC UPDATE", floor);
        cpuRow("ceiling: signed-in GET", ceil);
        double ratio = rate(app.decided(), app.nanos) / rate(floor.decided(), floor.nanos);
        double p99 = app.latencies.summaryMs()[2];
        System.out.printf("ratio app/floor (decided/s): %.3f   target >= 0.5: %s%n", ratio, ratio >= 0.5 ? "met" : "NOT met");
        System.out.printf("app p99 at %d clients: %.1f ms   target < 50 ms: %s%n", CLIENTS, p99, p99 < 50 ? "met" : "NOT met");
        System.out.printf("ceiling/floor: %.3f (the most any signed-in HTTP endpoint of this stack reaches here, against the"
                + " same floor)%n", rate(ceil.decided(), ceil.nanos) / rate(floor.decided(), floor.nanos));
        if (app.tooMany > 0) {
            System.out.println("note: " + app.tooMany + " claims were refused for the cap of active tasks (counted as decided)");
        }
    }

    private void round(String tag, int seed, int tasks, Claimer claimer, ExecutorService pool, Totals totals, boolean overApp)
            throws Exception {
        List<Long> ids = insertClaimTasks(tag, tasks);
        List<Integer> order = new ArrayList<>();
        for (int v = 0; v < VOLUNTEERS; v++) {
            order.add(v);
        }
        Collections.shuffle(order, new Random(seed));
        Claim[] queue = new Claim[tasks * CONTENDERS];
        for (int i = 0; i < tasks; i++) {
            for (int c = 0; c < CONTENDERS; c++) {
                queue[i * CONTENDERS + c] = new Claim(ids.get(i), order.get((i * CONTENDERS + c) % VOLUNTEERS));
            }
        }
        AtomicInteger cursor = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(CLIENTS);
        Totals round = new Totals();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            pool.submit(() -> {
                Latencies mine = new Latencies();
                int[] counts = new int[Outcome.values().length];
                try {
                    start.await();
                    for (int i = cursor.getAndIncrement(); i < queue.length; i = cursor.getAndIncrement()) {
                        long t = System.nanoTime();
                        Outcome o;
                        try {
                            o = claimer.claim(client, queue[i].taskId(), queue[i].volunteer());
                        } catch (Exception e) {
                            error("claim failed: " + e);
                            o = Outcome.ERROR;
                        }
                        mine.add(System.nanoTime() - t);
                        counts[o.ordinal()]++;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    synchronized (round) {
                        round.latencies.addAll(mine);
                        round.wins += counts[Outcome.WIN.ordinal()];
                        round.losses += counts[Outcome.LOSS.ordinal()];
                        round.tooMany += counts[Outcome.TOO_MANY.ordinal()];
                        round.errors += counts[Outcome.ERROR.ordinal()];
                    }
                    done.countDown();
                }
            });
        }
        long[] cpu0 = CPU.now();
        long t0 = System.nanoTime();
        start.countDown();
        if (!done.await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("round " + tag + " did not finish in 5 minutes");
        }
        round.nanos = System.nanoTime() - t0;
        long[] cpu1 = CPU.now();

        if (tag.startsWith("C") || tag.startsWith("WC")) {
            // the ceiling claims nothing: its tasks are only the queue's shape
            jdbc.update("UPDATE help_ticket SET status = 'DONE', done_at = NOW(3), updated_at = NOW(3) WHERE district = ?", tag);
            accumulate(tag, queue.length, round, totals, cpu0, cpu1);
            return;
        }
        // exactly one winner per task, in the response codes and in the database
        long claimed = jdbc.queryForObject("SELECT COUNT(*) FROM help_ticket WHERE district = ? AND status = 'CLAIMED'", Long.class, tag);
        if (round.wins != tasks || claimed != tasks) {
            error("round " + tag + ": " + round.wins + " wins and " + claimed + " claimed tasks for " + tasks + " tasks");
        }
        if (overApp) {
            long events = jdbc.queryForObject("SELECT COUNT(*) FROM help_ticket_event e JOIN help_ticket t ON t.id = e.ticket_id"
                    + " WHERE t.district = ? AND e.action = 'CLAIM'", Long.class, tag);
            if (events != tasks) {
                error("round " + tag + ": " + events + " CLAIM events for " + tasks + " tasks");
            }
        }
        jdbc.update("UPDATE help_ticket SET status = 'DONE', done_at = NOW(3), updated_at = NOW(3) WHERE district = ? AND status = 'CLAIMED'", tag);
        accumulate(tag, queue.length, round, totals, cpu0, cpu1);
    }

    private static void accumulate(String tag, int requests, Totals round, Totals totals, long[] cpu0, long[] cpu1) {
        System.out.printf("  round %-4s %5d claims in %6.2f s: %4d wins, %5d losses, %d cap refusals, %d errors; %7.1f decided/s, p99 %.1f ms (load %s)%n",
                tag, requests, round.nanos / 1e9, round.wins, round.losses, round.tooMany, round.errors,
                rate(round.decided(), round.nanos), round.latencies.summaryMs()[2], BenchApp.loadAverage());
        totals.nanos += round.nanos;
        totals.wins += round.wins;
        totals.losses += round.losses;
        totals.tooMany += round.tooMany;
        totals.errors += round.errors;
        totals.latencies.addAll(round.latencies);
        for (int i = 0; i < totals.cpu.length; i++) {
            totals.cpu[i] += cpu1[i] - cpu0[i];
        }
    }

    private List<Long> insertClaimTasks(String tag, int count) {
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new Object[]{district.getId(), sealedDescription, sealedAddress, tag, now, now});
        }
        jdbc.batchUpdate("INSERT INTO help_ticket (org_id, family_id, channel, submitter_type, category, urgency, status, crisis,"
                + " content_check, description_sealed, address_sealed, district, latitude, longitude, contact_method, version,"
                + " created_at, updated_at) VALUES (?, 0, 'MINI_PROGRAM', 'FAMILY', 'SUPPLIES', 'NORMAL', 'OPEN', 0, 'PASS', ?, ?, ?,"
                + " 23.1300, 113.2650, 'PHONE_CALL', 0, ?, ?)", rows);
        return jdbc.queryForList("SELECT id FROM help_ticket WHERE district = ? ORDER BY id", Long.class, tag);
    }

    private static void cpuRow(String label, Totals t) {
        System.out.printf("  %-24s %24.3f %24.3f %24.3f %12.3f%n", label, t.cpu[0] / (double) t.decided(), t.cpu[3] / (double) t.decided(),
                t.cpu[1] / (double) t.decided(), t.cpu[2] / (double) t.decided());
    }

    private static void row(String label, Totals t) {
        double[] s = t.latencies.summaryMs();
        System.out.printf("%-26s %8d %6d %7d %9.1f %10.1f %8.2f %8.2f %8.2f %8.2f%n", label, t.latencies.count(), t.wins,
                t.losses + t.tooMany, rate(t.decided(), t.nanos), rate(t.wins, t.nanos), s[0], s[1], s[2], s[3]);
    }

    private static double rate(long n, long nanos) {
        return nanos == 0 ? 0 : n / (nanos / 1e9);
    }

    // ---------------------------------------------------------------- nearby

    private record Nearby(String token, VolunteerActor actor, boolean inCity) {
    }

    private void nearby() throws Exception {
        System.out.println();
        Random random = new Random(42);
        TicketCategory[] categories = TicketCategory.values();
        long t0 = System.nanoTime();
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        int batch = 1_000;
        for (int from = 0; from < NEARBY_TASKS; from += batch) {
            int n = Math.min(batch, NEARBY_TASKS - from);
            StringBuilder sql = new StringBuilder("INSERT INTO help_ticket (org_id, family_id, channel, submitter_type, category,"
                    + " urgency, status, crisis, content_check, description_sealed, address_sealed, district, latitude, longitude,"
                    + " contact_method, version, created_at, updated_at) VALUES ");
            List<Object> args = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                double[] p = point(random);
                sql.append(i == 0 ? "" : ",").append("(?, 0, 'MINI_PROGRAM', 'FAMILY', ?, 'NORMAL', 'OPEN', 0, 'PASS', ?, ?, '广东',")
                        .append(String.format("%.6f, %.6f", p[0], p[1])).append(", 'PHONE_CALL', 0, ?, ?)");
                args.addAll(List.of(district.getId(), categories[random.nextInt(categories.length)].name(), sealedDescription,
                        sealedAddress, now, now));
            }
            jdbc.update(sql.toString(), args.toArray());
        }
        System.out.printf("Inserted %d open tasks over Guangdong (%.0f%% around Guangzhou, Shenzhen, Dongguan, Foshan, sigma %.2f deg;"
                        + " the rest uniform in lat %.1f-%.1f, lng %.1f-%.1f; %d categories mixed) in %.1f s%n",
                NEARBY_TASKS, CITY_SHARE * 100, CITY_SIGMA_DEG, LAT_MIN, LAT_MAX, LNG_MIN, LNG_MAX, categories.length,
                (System.nanoTime() - t0) / 1e9);
        VolunteerTasks tasks = app.getBean(VolunteerTasks.class);
        t0 = System.nanoTime();
        int indexed = tasks.rebuildIndex();
        System.out.printf("VolunteerTasks.rebuildIndex(): %d tasks indexed in %.1f s%n", indexed, (System.nanoTime() - t0) / 1e9);
        if (indexed < NEARBY_TASKS) {
            error("only " + indexed + " of " + NEARBY_TASKS + " tasks indexed");
        }

        DutyReadyVolunteers factory = new DutyReadyVolunteers(jdbc, app.getBean(UserSessions.class), cipher);
        List<Nearby> volunteers = new ArrayList<>();
        Skill[] skills = Skill.values();
        for (int i = 0; i < NEARBY_VOLUNTEERS; i++) {
            boolean inCity = random.nextDouble() < CITY_SHARE;
            double[] p = inCity ? cityPoint(random) : uniformPoint(random);
            DutyReadyVolunteers.Ready ready = factory.create(district, p[0], p[1]);
            Set<Skill> mine = EnumSet.noneOf(Skill.class);
            int count = 1 + random.nextInt(3);
            while (mine.size() < count) {
                mine.add(skills[random.nextInt(skills.length)]);
            }
            int radius = 5 + random.nextInt(16);
            jdbc.update("UPDATE volunteer SET skills = ?, radius_km = ? WHERE id = ?",
                    mine.stream().map(Enum::name).collect(Collectors.joining(",")), radius, ready.volunteerId());
            BigDecimal lat = BigDecimal.valueOf(p[0]).setScale(6, RoundingMode.HALF_UP);
            BigDecimal lng = BigDecimal.valueOf(p[1]).setScale(6, RoundingMode.HALF_UP);
            volunteers.add(new Nearby(ready.token(), new VolunteerActor(ready.volunteerId(), "志愿者", Skill.categoriesFor(mine),
                    lat, lng, radius, 3), inCity));
        }
        System.out.printf("Nearby volunteers: %d at random points (%.0f%% near the four cities), radius 5-20 km, 1-3 skills each%n",
                NEARBY_VOLUNTEERS, CITY_SHARE * 100);

        // over HTTP
        RawHttp[] http = new RawHttp[NEARBY_CLIENTS];
        for (int c = 0; c < NEARBY_CLIENTS; c++) {
            http[c] = new RawHttp("127.0.0.1", port);
        }
        Fetch overHttp = (client, v) -> {
            RawHttp.Response r = http[client].get("/api/mini/volunteer/tasks/nearby", v.token());
            if (r.status() != 200) {
                error("nearby answered " + r.status() + ": " + r.body());
                return 0;
            }
            return count(r.body(), "\"distanceKm\"");
        };
        Fetch inProcess = (client, v) -> tasks.nearby(v.actor()).size();
        measure("warm-up HTTP", overHttp, volunteers, Math.min(300, NEARBY_REQUESTS), NEARBY_CLIENTS, 1, false);
        NearbyResult viaHttp = measure("GET /tasks/nearby (HTTP)", overHttp, volunteers, NEARBY_REQUESTS, NEARBY_CLIENTS, 2, true);
        measure("  same, 1 client", overHttp, volunteers, Math.max(1, NEARBY_REQUESTS / 5), 1, 6, true);
        measure("warm-up in-process", inProcess, volunteers, Math.min(300, NEARBY_REQUESTS), NEARBY_CLIENTS, 3, false);
        NearbyResult direct = measure("VolunteerTasks.nearby()", inProcess, volunteers, NEARBY_REQUESTS, NEARBY_CLIENTS, 4, true);
        for (RawHttp h : http) {
            h.close();
        }

        // the fallback when Redis cannot answer: the private bounding-box query on the database (ids only)
        try {
            Method fallback = VolunteerTasks.class.getDeclaredMethod("nearFromDatabase", VolunteerActor.class);
            fallback.setAccessible(true);
            Object target = AopTestUtils.getUltimateTargetObject(tasks);
            Fetch database = (client, v) -> ((java.util.Map<?, ?>) fallback.invoke(target, v.actor())).size();
            measure("DB fallback ids (Redis down)", database, volunteers, FALLBACK_REQUESTS, 4, 5, true);
        } catch (NoSuchMethodException gone) {
            System.out.println("(DB fallback not measured: VolunteerTasks.nearFromDatabase is gone)");
        }
        double p99 = viaHttp.latencies.summaryMs()[2];
        System.out.printf("nearby p99 over HTTP: %.1f ms   target < 20 ms: %s   (in-process p99 %.1f ms)%n", p99,
                p99 < 20 ? "met" : "NOT met", direct.latencies.summaryMs()[2]);
    }

    private interface Fetch {
        int fetch(int client, Nearby volunteer) throws Exception;
    }

    private static final class NearbyResult {
        final Latencies latencies = new Latencies();
        final Latencies city = new Latencies();
        final Latencies country = new Latencies();
        long items;
        long nanos;
        long[] cpu = new long[4];
    }

    private NearbyResult measure(String label, Fetch fetch, List<Nearby> volunteers, int requests, int clients, long seed,
                                 boolean print) throws Exception {
        Random random = new Random(seed);
        Nearby[] queue = new Nearby[requests];
        for (int i = 0; i < requests; i++) {
            queue[i] = volunteers.get(random.nextInt(volunteers.size()));
        }
        NearbyResult result = new NearbyResult();
        AtomicInteger cursor = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                Latencies all = new Latencies();
                Latencies city = new Latencies();
                Latencies country = new Latencies();
                long items = 0;
                start.await();
                for (int i = cursor.getAndIncrement(); i < queue.length; i = cursor.getAndIncrement()) {
                    long t = System.nanoTime();
                    try {
                        items += fetch.fetch(client, queue[i]);
                    } catch (Exception e) {
                        error(label + " failed: " + e);
                    }
                    long took = System.nanoTime() - t;
                    all.add(took);
                    (queue[i].inCity() ? city : country).add(took);
                }
                synchronized (result) {
                    result.latencies.addAll(all);
                    result.city.addAll(city);
                    result.country.addAll(country);
                    result.items += items;
                }
                return null;
            }));
        }
        long[] cpu0 = CPU.now();
        long t0 = System.nanoTime();
        start.countDown();
        for (java.util.concurrent.Future<?> f : futures) {
            f.get();
        }
        result.nanos = System.nanoTime() - t0;
        long[] cpu1 = CPU.now();
        for (int i = 0; i < result.cpu.length; i++) {
            result.cpu[i] = cpu1[i] - cpu0[i];
        }
        pool.shutdown();
        if (print) {
            if (seed == 2) {
                System.out.printf("%-30s %8s %7s %6s %8s %8s %8s %8s %10s   %s%n", "nearby", "requests", "clients", "ops/s",
                        "p50 ms", "p90 ms", "p99 ms", "max ms", "avg tasks", "CPU ms per request: JVM (of which JIT) / mariadbd / redis (shared)");
            }
            nearbyRow(label, result.latencies, clients, result.nanos, result.items, result.cpu);
            if (clients > 1) {
                nearbyRow("  volunteers near a city", result.city, clients, 0, -1, null);
                nearbyRow("  volunteers elsewhere", result.country, clients, 0, -1, null);
            }
        }
        return result;
    }

    private static void nearbyRow(String label, Latencies l, int clients, long nanos, long items, long[] cpu) {
        double[] s = l.summaryMs();
        int n = Math.max(1, l.count());
        System.out.printf("%-30s %8d %7s %6s %8.2f %8.2f %8.2f %8.2f %10s   %s%n", label, l.count(), nanos == 0 ? "" : String.valueOf(clients),
                nanos == 0 ? "" : String.format("%.0f", rate(l.count(), nanos)), s[0], s[1], s[2], s[3],
                items < 0 ? "" : String.format("%.1f", items / (double) n),
                cpu == null ? "" : String.format("%.2f (%.2f) / %.2f / %.2f", cpu[0] / (double) n, cpu[3] / (double) n, cpu[1] / (double) n,
                        cpu[2] / (double) n));
    }

    private static double[] point(Random random) {
        return random.nextDouble() < CITY_SHARE ? cityPoint(random) : uniformPoint(random);
    }

    private static double[] cityPoint(Random random) {
        double[] c = CITIES[random.nextInt(CITIES.length)];
        return new double[]{clamp(c[0] + random.nextGaussian() * CITY_SIGMA_DEG, LAT_MIN, LAT_MAX),
                clamp(c[1] + random.nextGaussian() * CITY_SIGMA_DEG, LNG_MIN, LNG_MAX)};
    }

    private static double[] uniformPoint(Random random) {
        return new double[]{LAT_MIN + random.nextDouble() * (LAT_MAX - LAT_MIN), LNG_MIN + random.nextDouble() * (LNG_MAX - LNG_MIN)};
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    static void error(String message) {
        if (ERRORS.incrementAndGet() <= 10) {
            System.out.println("ERROR: " + message);
        }
    }
}
