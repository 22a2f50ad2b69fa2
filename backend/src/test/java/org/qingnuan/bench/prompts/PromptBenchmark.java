package org.qingnuan.bench.prompts;

import org.qingnuan.QingnuanApplication;
import org.qingnuan.prompt.DailyPrompts;
import org.qingnuan.prompt.PromptProperties;
import org.qingnuan.prompt.internal.DailyPromptMapper;
import org.qingnuan.prompt.internal.PromptDeliveryMapper;
import org.qingnuan.privacy.PersonalDataCipher;
import org.qingnuan.testing.IntegrationTest;
import org.qingnuan.testing.WechatApiStub;
import org.qingnuan.wechat.OfficialAccount;
import org.qingnuan.wechat.WecomGroupRobot;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue #7: the daily prompt for 10,000 deployed teams, each with one bound follower, sent against a
 * stub of WeChat; the time to create the prompts and the time to send them all (target: under 60 s),
 * with one and with two application instances on the same MariaDB and Redis. A benchmark, not a
 * test: run it with {@code benchmarks/prompts.sh}.
 *
 * <ol>
 *   <li>{@link WechatApiStub} (the tests' stub, as the tests run it), 1 and 2 instances, PROMPT_TESTS_STUB_TEAMS
 *       teams: each of its answers waits ~40 ms on Nagle and delayed ACK, so it is run on fewer teams;</li>
 *   <li>{@link FastWechatStub} without delay, 1 and 2 instances, PROMPT_TEAMS teams;</li>
 *   <li>{@link FastWechatStub} with PROMPT_LATENCY_MS per send (WeChat is not on localhost), 1 and 2
 *       instances, PROMPT_LATENCY_TEAMS teams, extrapolated to PROMPT_TEAMS;</li>
 *   <li>a check of the claim's staleness rule: two instances whose deliverDue calls start
 *       PROMPT_STALE_STAGGER_MS apart, with stale-after PROMPT_STALE_AFTER_MS.</li>
 * </ol>
 * Every run checks that every team's follower got exactly one template message.
 */
public final class PromptBenchmark {

    static final int TEAMS = param("PROMPT_TEAMS", 10_000);
    static final int TESTS_STUB_TEAMS = Math.min(TEAMS, param("PROMPT_TESTS_STUB_TEAMS", 600));
    static final int LATENCY_MS = param("PROMPT_LATENCY_MS", 20);
    static final int LATENCY_TEAMS = Math.min(TEAMS, param("PROMPT_LATENCY_TEAMS", 2_000));
    static final int STALE_TEAMS = Math.min(TEAMS, param("PROMPT_STALE_TEAMS", 600));
    static final int STALE_AFTER_MS = param("PROMPT_STALE_AFTER_MS", 3_000);
    static final int STALE_STAGGER_MS = param("PROMPT_STALE_STAGGER_MS", 4_000);
    static final String TEMPLATE_ID = "daily-prompt-template";
    static final String TEMPLATE_SEND = "/cgi-bin/message/template/send";
    static final Pattern TOUSER = Pattern.compile("\"touser\"\\s*:\\s*\"([^\"]+)\"");

    static final String DB_HOST = env("QN_BENCH_DB_HOST", "127.0.0.1");
    static final String DB_PORT = env("QN_BENCH_DB_PORT", "3306");
    static final String DB_USER = env("QN_BENCH_DB_USER", "root");
    static final String DB_PASSWORD = env("QN_BENCH_DB_PASSWORD", "");
    static final String DB_NAME = env("QN_BENCH_DB_NAME", "qingnuan_bench2");
    static final String REDIS_HOST = env("QN_BENCH_REDIS_HOST", "127.0.0.1");
    static final String REDIS_PORT = env("QN_BENCH_REDIS_PORT", "6379");
    static final String REDIS_DATABASE = env("QN_BENCH_REDIS_DATABASE", "9");

    private static final AtomicInteger ERRORS = new AtomicInteger();

    private JdbcTemplate jdbc;
    private int run;
    private final List<String> summary = new ArrayList<>();

    public static void main(String[] args) {
        Locale.setDefault(Locale.ROOT);
        int code;
        try {
            code = new PromptBenchmark().runAll();
        } catch (Throwable t) {
            t.printStackTrace();
            code = 2;
        }
        System.out.flush();
        System.exit(code);
    }

    private int runAll() throws Exception {
        System.out.println("== Issue #7: daily prompt fan-out ==");
        System.out.println("Machine: " + Runtime.getRuntime().availableProcessors() + " cores (nproc " + command("nproc").trim()
                + "), " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
        System.out.println("java -version: " + command("java", "-version").replace('\n', ' ').trim());
        System.out.println("Load average at start: " + loadAverage());
        System.out.printf("Parameters: %d teams x 1 bound follower (template channel only; %d teams on the tests' stub), WeChat latency play %d ms on %d teams,"
                        + " staleness check on %d teams (stale-after %d ms, second instance %d ms later); MariaDB %s:%s/%s, Redis db %s%n",
                TEAMS, TESTS_STUB_TEAMS, LATENCY_MS, LATENCY_TEAMS, STALE_TEAMS, STALE_AFTER_MS, STALE_STAGGER_MS, DB_HOST, DB_PORT, DB_NAME, REDIS_DATABASE);
        resetServices();

        WechatApiStub shared = WechatApiStub.get();
        ConfigurableApplicationContext a = start(shared.baseUrl());
        ConfigurableApplicationContext b = null;
        jdbc = a.getBean(JdbcTemplate.class);
        insertTeams();
        try {
            b = start(shared.baseUrl());
            prompt("tests' WechatApiStub, 1 instance", List.of(a), TESTS_STUB_TEAMS, sharedStubCounts(shared));
            prompt("tests' WechatApiStub, 2 instances", List.of(a, b), TESTS_STUB_TEAMS, sharedStubCounts(shared));
        } finally {
            a.close();
            if (b != null) {
                b.close();
            }
        }

        try (FastWechatStub fast = new FastWechatStub()) {
            ConfigurableApplicationContext c = start(fast.baseUrl());
            ConfigurableApplicationContext d = null;
            try {
                d = start(fast.baseUrl());
                jdbc = c.getBean(JdbcTemplate.class);
                StubCounts counts = fastStubCounts(fast);
                prompt("FastWechatStub 0 ms, 1 instance", List.of(c), TEAMS, counts);
                prompt("FastWechatStub 0 ms, 2 instances", List.of(c, d), TEAMS, counts);
                fast.latency(LATENCY_MS);
                prompt("FastWechatStub " + LATENCY_MS + " ms, 1 instance", List.of(c), LATENCY_TEAMS, counts);
                prompt("FastWechatStub " + LATENCY_MS + " ms, 2 instances", List.of(c, d), LATENCY_TEAMS, counts);
                staleClaims(c, d, fast);
            } finally {
                c.close();
                if (d != null) {
                    d.close();
                }
            }
        }

        System.out.println();
        System.out.printf("%-38s %6s %9s %9s %9s %9s %8s %8s %8s %8s%n", "Summary", "teams", "create s", "send s", "total s",
                "sent/s", "p50 ms", "p90 ms", "p99 ms", "max ms");
        summary.forEach(System.out::println);
        System.out.println("(p50..max: one OfficialAccount.sendTemplate call as the application makes it: WxJava, token from Redis, HTTP to the stub)");
        System.out.println("Load average at end: " + loadAverage());
        if (ERRORS.get() > 0) {
            System.out.println("ERRORS: " + ERRORS.get() + " (see above)");
            return 1;
        }
        return 0;
    }

    // ------------------------------------------------------------------ one run

    private interface StubCounts {
        /** Template messages per recipient, for recipients starting with the prefix. */
        Map<String, Integer> templates(String prefix);

        int tokenCalls();

        void reset();
    }

    private void prompt(String label, List<ConfigurableApplicationContext> instances, int teams, StubCounts stub) throws Exception {
        String prefix = prepareRun(teams);
        stub.reset();
        SendTiming.reset();
        List<DailyPrompts> prompts = instances.stream().map(ctx -> ctx.getBean(DailyPrompts.class)).toList();
        System.out.println();
        System.out.printf("-- %s: %d teams (load %s)%n", label, teams, loadAverage());

        long t0 = System.nanoTime();
        List<Integer> created = parallel(prompts, DailyPrompts::createDuePrompts);
        long t1 = System.nanoTime();
        List<Integer> sent = parallel(prompts, this::deliverAll);
        long t2 = System.nanoTime();

        double create = (t1 - t0) / 1e9;
        double send = (t2 - t1) / 1e9;
        double[] s = SendTiming.summary();
        System.out.printf("   created %s prompts in %.1f s (%.0f teams/s); sent %s in %.1f s (%.0f deliveries/s); total %.1f s%n",
                created, create, teams / create, sent, send, teams / send, create + send);
        System.out.printf("   sendTemplate calls: %d, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms; per delivery (claim, figures, send,"
                + " finish) %.2f ms of one instance's time%n", (long) s[0], s[1], s[2], s[3], s[4], send * 1000 * instances.size() / teams);
        verify(teams, prefix, stub);
        summary.add(String.format("%-38s %6d %9.1f %9.1f %9.1f %9.0f %8.2f %8.2f %8.2f %8.2f", label, teams, create, send, create + send,
                teams / send, s[1], s[2], s[3], s[4]));
        if (teams < TEAMS) {
            summary.add(String.format("%-38s %6d %9.1f %9.1f %9.1f   (linear extrapolation)", "  same, scaled to " + TEAMS + " teams", TEAMS,
                    create * TEAMS / teams, send * TEAMS / teams, (create + send) * TEAMS / teams));
        }
    }

    /** Sends until every delivery is SENT; returns how many this instance sent. */
    private int deliverAll(DailyPrompts prompts) throws InterruptedException {
        int sent = 0;
        long idleSince = 0;
        while (true) {
            int n = prompts.deliverDue();
            sent += n;
            if (n > 0) {
                idleSince = 0;
                continue;
            }
            Map<String, Object> left = jdbc.queryForMap("SELECT SUM(status <> 'SENT') AS notSent,"
                    + " SUM(status IN ('FAILED', 'GAVE_UP')) AS failed FROM prompt_delivery");
            long notSent = ((Number) left.get("notSent")).longValue();
            long failed = ((Number) left.get("failed")).longValue();
            if (failed > 0) {
                error(failed + " deliveries failed");
                return sent;
            }
            if (notSent == 0) {
                return sent;
            }
            // the other instance still holds some: wait for them
            idleSince = idleSince == 0 ? System.nanoTime() : idleSince;
            if (System.nanoTime() - idleSince > Duration.ofMinutes(3).toNanos()) {
                error(notSent + " deliveries still not sent after 3 minutes of no progress");
                return sent;
            }
            Thread.sleep(20);
        }
    }

    private void verify(int teams, String prefix, StubCounts stub) {
        long promptsMade = jdbc.queryForObject("SELECT COUNT(*) FROM daily_prompt", Long.class);
        Map<String, Object> d = jdbc.queryForMap("SELECT COUNT(*) AS n, SUM(status = 'SENT') AS sent, SUM(attempts > 1) AS retried"
                + " FROM prompt_delivery");
        Map<String, Integer> received = stub.templates(prefix);
        long twice = received.values().stream().filter(n -> n > 1).count();
        long messages = received.values().stream().mapToLong(Integer::longValue).sum();
        boolean ok = promptsMade == teams && ((Number) d.get("n")).longValue() == teams && ((Number) d.get("sent")).longValue() == teams
                && received.size() == teams && twice == 0;
        System.out.printf("   check: %d prompts, %s deliveries (%s SENT, %s attempted more than once); stub got %d template messages"
                        + " for %d of %d followers, %d followers more than one; token requests %d: %s%n",
                promptsMade, d.get("n"), d.get("sent"), d.get("retried"), messages, received.size(), teams, twice, stub.tokenCalls(),
                ok ? "every team exactly once" : "NOT exactly once");
        if (!ok) {
            error("exactly-once check failed");
        }
    }

    /** Enables the first {@code teams} teams, clears the prompts, gives the followers this run's openids. */
    private String prepareRun(int teams) {
        run++;
        String prefix = "oBench" + run + "x";
        // TRUNCATE, not DELETE: delete-marked rows of the same (team, day) key would make two instances'
        // concurrent inserts deadlock in InnoDB, which never happens in production (rows are never deleted)
        jdbc.execute("TRUNCATE TABLE prompt_delivery");
        jdbc.execute("TRUNCATE TABLE daily_prompt");
        long first = jdbc.queryForObject("SELECT MIN(id) FROM medical_team", Long.class);
        jdbc.update("UPDATE medical_team SET prompt_enabled = (id < ?)", first + teams);
        jdbc.update("UPDATE team_binding SET open_id = CONCAT(?, team_id)", prefix);
        return prefix;
    }

    // ------------------------------------------------------------------ staleness

    /**
     * Two instances with a short stale-after (same code, a DailyPrompts built with other properties),
     * the second starting its deliverDue while the first's call is still running: does any follower
     * get the prompt twice?
     */
    private void staleClaims(ConfigurableApplicationContext c, ConfigurableApplicationContext d, FastWechatStub fast) throws Exception {
        String prefix = prepareRun(STALE_TEAMS);
        fast.reset();
        DailyPrompts first = withStaleAfter(c, Duration.ofMillis(STALE_AFTER_MS));
        DailyPrompts second = withStaleAfter(d, Duration.ofMillis(STALE_AFTER_MS));
        System.out.println();
        System.out.printf("-- staleness check: %d teams, WeChat %d ms, stale-after %d ms, second instance starts %d ms after the first%n",
                STALE_TEAMS, LATENCY_MS, STALE_AFTER_MS, STALE_STAGGER_MS);
        first.createDuePrompts();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<Integer> one = pool.submit(() -> deliverAll(first));
        Thread.sleep(STALE_STAGGER_MS);
        Future<Integer> two = pool.submit(() -> deliverAll(second));
        int sentByFirst = one.get();
        int sentBySecond = two.get();
        pool.shutdown();
        Map<String, Integer> received = fastStubCounts(fast).templates(prefix);
        long twice = received.values().stream().filter(n -> n > 1).count();
        long messages = received.values().stream().mapToLong(Integer::longValue).sum();
        System.out.printf("   first instance sent %d, second %d; %d template messages for %d followers: %d followers got the prompt"
                + " twice%n", sentByFirst, sentBySecond, messages, received.size(), twice);
        summary.add(String.format("%-38s %6d   %d of %d followers prompted twice (stale-after %d ms, WeChat %d ms, 2nd call %d ms later)",
                "staleness check", STALE_TEAMS, twice, received.size(), STALE_AFTER_MS, LATENCY_MS, STALE_STAGGER_MS));
    }

    private static DailyPrompts withStaleAfter(ConfigurableApplicationContext ctx, Duration staleAfter) throws Exception {
        PromptProperties p = ctx.getBean(PromptProperties.class);
        Constructor<DailyPrompts> constructor = DailyPrompts.class.getDeclaredConstructor(DailyPromptMapper.class,
                PromptDeliveryMapper.class, OfficialAccount.class, WecomGroupRobot.class, PersonalDataCipher.class,
                PromptProperties.class, TransactionTemplate.class, Clock.class);
        constructor.setAccessible(true);
        return constructor.newInstance(ctx.getBean(DailyPromptMapper.class), ctx.getBean(PromptDeliveryMapper.class),
                ctx.getBean(OfficialAccount.class), ctx.getBean(WecomGroupRobot.class), ctx.getBean(PersonalDataCipher.class),
                new PromptProperties(p.templateId(), p.reportPage(), p.maxAttempts(), staleAfter, p.reminderTime(), p.sendThreads()),
                ctx.getBean(TransactionTemplate.class), ctx.getBean(Clock.class));
    }

    // ------------------------------------------------------------------ set-up

    private void insertTeams() {
        long t0 = System.nanoTime();
        long org = jdbc.queryForObject("SELECT id FROM org_unit WHERE parent_id IS NULL", Long.class);
        int batch = 1_000;
        for (int from = 0; from < TEAMS; from += batch) {
            int n = Math.min(batch, TEAMS - from);
            StringBuilder sql = new StringBuilder("INSERT INTO medical_team (org_id, name, destination, aiding_hubei, batch, status,"
                    + " version, created_at, updated_at, prompt_time, prompt_enabled) VALUES ");
            for (int i = 0; i < n; i++) {
                sql.append(i == 0 ? "" : ",").append("(").append(org).append(", '基准医疗队").append(String.format("%05d", from + i + 1))
                        .append("', '湖北武汉', 1, ").append(1 + (from + i) % 5).append(", 'DEPLOYED', 0, NOW(3), NOW(3), '00:00:00', 1)");
            }
            jdbc.update(sql.toString());
        }
        jdbc.update("INSERT INTO team_binding (team_id, org_id, open_id, source, created_at, updated_at)"
                + " SELECT id, org_id, CONCAT('oBench0x', id), 'INVITE_CODE', NOW(3), NOW(3) FROM medical_team");
        System.out.printf("Inserted %d deployed teams (prompt time 00:00, already passed) with one bound follower each in %.1f s%n",
                TEAMS, (System.nanoTime() - t0) / 1e9);
    }

    private static StubCounts sharedStubCounts(WechatApiStub stub) {
        return new StubCounts() {
            private int tokensBefore;

            @Override
            public Map<String, Integer> templates(String prefix) {
                Map<String, Integer> counts = new HashMap<>();
                for (WechatApiStub.Call call : stub.calls(TEMPLATE_SEND)) {
                    Matcher m = TOUSER.matcher(call.body());
                    if (m.find() && m.group(1).startsWith(prefix)) {
                        counts.merge(m.group(1), 1, Integer::sum);
                    }
                }
                return counts;
            }

            @Override
            public int tokenCalls() {
                return stub.calls("/cgi-bin/stable_token").size() + stub.calls("/cgi-bin/token").size() - tokensBefore;
            }

            @Override
            public void reset() {
                tokensBefore = stub.calls("/cgi-bin/stable_token").size() + stub.calls("/cgi-bin/token").size();
            }
        };
    }

    private static StubCounts fastStubCounts(FastWechatStub stub) {
        return new StubCounts() {
            @Override
            public Map<String, Integer> templates(String prefix) {
                Map<String, Integer> counts = new HashMap<>();
                stub.templates().forEach((openId, n) -> {
                    if (openId.startsWith(prefix)) {
                        counts.put(openId, n.get());
                    }
                });
                return counts;
            }

            @Override
            public int tokenCalls() {
                return stub.tokenCalls();
            }

            @Override
            public void reset() {
                stub.reset();
            }
        };
    }

    private interface Job {
        int run(DailyPrompts prompts) throws Exception;
    }

    /** Runs the job on every instance at once; returns each one's result. */
    private static List<Integer> parallel(List<DailyPrompts> instances, Job job) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(instances.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (DailyPrompts instance : instances) {
                futures.add(pool.submit((Callable<Integer>) () -> {
                    start.await();
                    return job.run(instance);
                }));
            }
            start.countDown();
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    private static ConfigurableApplicationContext start(String stubUrl) {
        long t0 = System.nanoTime();
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(QingnuanApplication.class).profiles("prod")
                .initializers(c -> c.getBeanFactory().addBeanPostProcessor(new SendTiming()))
                .run("--server.port=0",
                        "--spring.datasource.url=jdbc:mariadb://" + DB_HOST + ":" + DB_PORT + "/" + DB_NAME,
                        "--spring.datasource.username=" + DB_USER,
                        "--spring.datasource.password=" + DB_PASSWORD,
                        "--spring.data.redis.host=" + REDIS_HOST,
                        "--spring.data.redis.port=" + REDIS_PORT,
                        "--spring.data.redis.database=" + REDIS_DATABASE,
                        "--qingnuan.scheduling.enabled=false",
                        "--qingnuan.bootstrap.admin-password=" + IntegrationTest.BOOTSTRAP_PASSWORD,
                        "--qingnuan.crypto.active-key-id=t2",
                        "--qingnuan.crypto.keys=t1:Lkm6SwALvbOpmVm26TMCeGrTEik2oQ1zU/zEOYLjPjU=,t2:iGW6Shp5G2X9WIFWfuEZHZN9XtqsmD8w53miMRiaa6Q=",
                        "--qingnuan.crypto.blind-index-key=+vgAYyxp2S51NEQphO/CQ1hdVsvo7DOMeWLIJrSjCDs=",
                        "--qingnuan.wechat.mp.app-id=" + IntegrationTest.MP_APP_ID,
                        "--qingnuan.wechat.mp.secret=" + WechatApiStub.MP_SECRET,
                        "--qingnuan.wechat.mp.token=" + IntegrationTest.MP_TOKEN,
                        "--qingnuan.wechat.mp.aes-key=" + IntegrationTest.MP_AES_KEY,
                        "--qingnuan.wechat.mp.mini-program-app-id=" + IntegrationTest.MINI_APP_ID,
                        "--qingnuan.wechat.mini.app-id=" + IntegrationTest.MINI_APP_ID,
                        "--qingnuan.wechat.mini.secret=" + WechatApiStub.MINI_SECRET,
                        "--qingnuan.wechat.mp.api-host=" + stubUrl,
                        "--qingnuan.wechat.mini.api-host=" + stubUrl,
                        "--qingnuan.wechat.wecom.api-host=" + stubUrl,
                        "--qingnuan.prompt.template-id=" + TEMPLATE_ID,
                        "--logging.level.root=WARN");
        System.out.printf("Started an application instance in %.1f s (profile prod, WeChat at %s)%n", (System.nanoTime() - t0) / 1e9, stubUrl);
        return ctx;
    }

    private static void resetServices() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://" + DB_HOST + ":" + DB_PORT + "/", DB_USER, DB_PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DB_NAME);
            s.execute("CREATE DATABASE " + DB_NAME + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        Config config = new Config();
        config.useSingleServer().setAddress("redis://" + REDIS_HOST + ":" + REDIS_PORT)
                .setDatabase(Integer.parseInt(REDIS_DATABASE)).setConnectionMinimumIdleSize(1).setConnectionPoolSize(2);
        RedissonClient client = Redisson.create(config);
        try {
            client.getKeys().flushdb();
        } finally {
            client.shutdown();
        }
    }

    static void error(String message) {
        ERRORS.incrementAndGet();
        System.out.println("ERROR: " + message);
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static String command(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            StringBuilder out = new StringBuilder();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                r.lines().forEach(l -> out.append(l).append('\n'));
            }
            p.waitFor();
            return out.toString();
        } catch (IOException | InterruptedException e) {
            return "?";
        }
    }

    static int param(String name, int fallback) {
        String value = System.getProperty(name, System.getenv(name));
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
