package org.qingnuan.bench;

import com.baomidou.mybatisplus.extension.parser.JsqlParserGlobal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.qingnuan.QingnuanApplication;
import org.qingnuan.testing.Api;
import org.qingnuan.testing.IntegrationTest;
import org.qingnuan.testing.OssStub;
import org.qingnuan.testing.WechatApiStub;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The benchmark of issue #4 (not a test; run by {@code benchmarks/ticket-submit.sh}).
 *
 * <p>Starts the real application in this JVM (profile prod, a random port) on a MariaDB database
 * of its own and Redis database 10, with the WeChat and OSS stubs of the integration tests. Through
 * the HTTP API a staff admin sets up a city, a district, a hospital and one medical worker per
 * client, and each client — a WeChat user of the mini-program — signs in and binds the family phone,
 * so it holds a FAMILY role. Then, after a warm-up, the clients submit help requests
 * ({@code POST /api/mini/tickets}, a fresh Idempotency-Key each, a ~100-character description) in
 * closed loops: the whole real path, with the session in Redis, validation, msgSecCheck over HTTP,
 * AES-GCM sealing, the idempotency row, the insert, the history row and the view with its history.
 *
 * <p>The floor, measured in the same run on the same servers: plain JDBC, one connection per
 * thread, autocommit, inserting a row of the same size into a copy of {@code help_ticket}, the same
 * number of rows from the same number of threads; once before and once after the application's run.
 * The ratio uses the faster of the two floors.
 *
 * <p>Exits non-zero only when the benchmark itself fails (or more than 1 % of the submissions do not
 * answer 201, which would make the figures meaningless), never because a target is missed.
 */
public final class TicketSubmissionBenchmark {

    private static final PrintStream OUT = System.out;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private static final String BOOTSTRAP_PASSWORD = "bench-bootstrap-1";
    private static final String ADMIN_PASSWORD = "bench-admin-password-2";
    private static final String CRYPTO_KEY_ID = "b1";
    private static final String CITY = "武汉市";
    private static final String DISTRICT = "江岸区";

    /** Targets of issue #4. */
    private static final double TARGET_RATIO = 0.4;
    private static final double TARGET_P99_MILLIS = 50;

    /** What families ask for: ~100 characters each, none with the words that make a request risky, under review or a crisis. */
    private static final String[][] REQUESTS = {
            {"SUPPLIES", "孩子妈妈在医院一线已经连续值班两周，家里只有我和两个孩子。小区封闭管理以后买菜很不方便，家里的米、面、食用油和蔬菜都快吃完了，想请志愿者帮忙代购一些生活物资送到楼下，费用我们可以转账，谢谢！"},
            {"DAILY_LIVING", "老人有高血压和糖尿病，平时吃的降压药和二甲双胍只剩下三天的量了。社区医院暂时不方便去，孩子爸爸在援鄂医疗队回不来，想请志愿者帮忙到附近药店代购，处方照片可以在小程序里补充，麻烦了。"},
            {"MEALS", "我刚做完手术在家休养，行动不便，爱人在发热门诊上班，每天很晚才回家。家里还有一个上小学的孩子，午饭和晚饭都没人做，想请社区帮忙联系送餐，每天两顿，清淡一些就好，费用我们自己承担。"},
            {"CARE", "家里八十多岁的奶奶腿脚不好，需要有人每天上午过来看一看，帮忙量血压、热一下饭。孩子爸爸在重症病房轮班，我在外地回不去，非常担心老人一个人在家摔倒，希望能安排志愿者上门照看一段时间。"},
            {"TUTORING", "孩子今年读初二，最近都在家上网课，数学和物理跟不上，作业经常不会做。我和孩子妈妈都在医院一线，晚上很晚才回家，没有时间辅导，希望能有大学生志愿者每周线上辅导两到三次，每次一个小时左右。"},
            {"TRANSPORT", "孩子妈妈下周要从隔离酒店回家，酒店离家有二十多公里，公共交通暂停了，家里没有车。她身体比较虚弱，还带着两个行李箱，想请志愿者车队帮忙接送一下，时间可以配合，具体地址电话联系时再说。"}};
    private static final String[] CONTACT_METHODS = {"PHONE_CALL", "WECHAT", "TEXT_MESSAGE"};
    private static final String[] WORKER_NAMES = {"王建国", "李秀英", "张伟", "刘芳", "陈静", "杨洋", "赵磊", "黄丽"};

    private final Settings settings;

    private TicketSubmissionBenchmark(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        int exit;
        try {
            exit = new TicketSubmissionBenchmark(Settings.fromEnvironment()).run();
        } catch (Throwable e) {
            OUT.println("BENCHMARK FAILED: " + e);
            e.printStackTrace(OUT);
            exit = 1;
        }
        OUT.flush();
        // the stubs' HTTP servers run on non-daemon threads
        System.exit(exit);
    }

    /** Everything the run can be told, from the environment (benchmarks/ticket-submit.sh documents it). */
    record Settings(int clients, int requests, int warmupRequests, int warmupSeconds, int maxSeconds, int sampleSeconds,
                    String database,
                    String dbHost, String dbPort, String dbUser, String dbPassword, String redisHost, int redisPort,
                    int redisDatabase) {

        static Settings fromEnvironment() {
            String database = env("QN_BENCH_DB", "qingnuan_bench");
            if (!database.matches("[a-z0-9_]*bench[a-z0-9_]*")) {
                // the database is dropped at start and end: never one that is not obviously the benchmark's
                throw new IllegalArgumentException("QN_BENCH_DB must be made of a-z, 0-9, _ and contain 'bench': " + database);
            }
            return new Settings(
                    Integer.parseInt(env("QN_BENCH_CLIENTS", "32")),
                    Integer.parseInt(env("QN_BENCH_REQUESTS", "20000")),
                    Integer.parseInt(env("QN_BENCH_WARMUP_REQUESTS", "10000")),
                    Integer.parseInt(env("QN_BENCH_WARMUP_SECONDS", "180")),
                    Integer.parseInt(env("QN_BENCH_MAX_SECONDS", "60")),
                    Integer.parseInt(env("QN_BENCH_SAMPLE_SECONDS", "10")),
                    database,
                    env("QN_BENCH_DB_HOST", env("QN_TEST_DB_HOST", "127.0.0.1")),
                    env("QN_BENCH_DB_PORT", env("QN_TEST_DB_PORT", "3306")),
                    env("QN_BENCH_DB_USER", env("QN_TEST_DB_USER", "root")),
                    env("QN_BENCH_DB_PASSWORD", env("QN_TEST_DB_PASSWORD", "")),
                    env("QN_BENCH_REDIS_HOST", "127.0.0.1"),
                    Integer.parseInt(env("QN_BENCH_REDIS_PORT", "6379")),
                    Integer.parseInt(env("QN_BENCH_REDIS_DATABASE", "10")));
        }

        String serverUrl() {
            return "jdbc:mariadb://" + dbHost + ":" + dbPort + "/";
        }

        String databaseUrl() {
            return serverUrl() + database;
        }

        Connection connect(String url) {
            try {
                return DriverManager.getConnection(url, dbUser, dbPassword);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot connect to " + url + ": " + e.getMessage(), e);
            }
        }

        private static String env(String name, String fallback) {
            String value = System.getenv(name);
            return value == null || value.isBlank() ? fallback : value;
        }
    }

    /** One signed-in mini-program user acting for one family. */
    record Family(long familyId, long userId, String token, String homeAddress, String phone) {
    }

    private int run() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        OUT.println("== Help-request submission benchmark (issue #4) ==");
        OUT.println("date:       " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        OUT.println("machine:    " + cores + " cores, " + memory() + ", load average " + loadAverage());
        OUT.println("java:       " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + ", options " + ManagementFactory.getRuntimeMXBean().getInputArguments());
        try (Connection c = settings.connect(settings.serverUrl())) {
            OUT.println("MariaDB:    " + settings.serverUrl() + settings.database + ", " + variables(c,
                    "version", "innodb_flush_log_at_trx_commit", "sync_binlog", "log_bin", "innodb_buffer_pool_size",
                    "max_connections"));
        }
        try (RedisWire redis = new RedisWire(settings.redisHost(), settings.redisPort(), settings.redisDatabase())) {
            String version = redis.command("INFO", "server").lines().filter(l -> l.startsWith("redis_version:"))
                    .findFirst().orElse("?");
            OUT.println("Redis:      " + settings.redisHost() + ":" + settings.redisPort() + " database "
                    + settings.redisDatabase() + ", " + version);
        }
        OUT.printf("parameters: %d clients (one family each); warm-up %d submissions or %d s, then %d submissions or %d s, "
                        + "whichever ends first; floor: %d JDBC inserts from %d threads (before and after); sampled phase %d s%n",
                settings.clients(), settings.warmupRequests(), settings.warmupSeconds(), settings.requests(), settings.maxSeconds(),
                settings.requests(), settings.clients(), settings.sampleSeconds());
        double chars = java.util.Arrays.stream(REQUESTS).mapToInt(r -> r[1].length()).average().orElse(0);
        OUT.printf("request:    POST /api/mini/tickets, {familyId, category, urgency NORMAL, description (%.0f characters "
                + "on average, %d variants), contactMethod}, a fresh Idempotency-Key each%n", chars, REQUESTS.length);
        OUT.println();

        String whatIf = whatIfParser();
        if (whatIf != null) {
            OUT.println("WHAT-IF:    " + whatIf + " -- NOT the application as shipped");
            OUT.println();
        }

        recreateDatabase();
        flushRedis();
        ConfigurableApplicationContext app = null;
        int exit = 0;
        try {
            WechatApiStub wechat = WechatApiStub.get();
            OssStub oss = OssStub.get();
            long started = System.nanoTime();
            app = startApplication(wechat, oss);
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            HikariDataSource dataSource = app.getBean(HikariDataSource.class);
            OUT.printf("application started in %.1f s on port %d (profile prod, Hikari maximum-pool-size %d, "
                            + "Tomcat max threads %s)%n", (System.nanoTime() - started) / 1e9, port,
                    dataSource.getMaximumPoolSize(), app.getEnvironment().getProperty("server.tomcat.threads.max", "200"));

            ConfigurableApplicationContext context = app;
            List<String> testBeans = java.util.Arrays.stream(context.getBeanDefinitionNames()).filter(name -> {
                Class<?> type = context.getBeanFactory().getType(name);
                java.security.CodeSource source = type == null ? null : type.getProtectionDomain().getCodeSource();
                return source != null && source.getLocation().toString().contains("/test-classes/");
            }).toList();
            if (!testBeans.isEmpty()) {
                throw new IllegalStateException("Beans from the test classes got into the application: " + testBeans);
            }

            Setup setup = setUp(new Api(port));
            OUT.printf("set up through the API: city %d, district %d, hospital %d, %d medical workers; %d families signed in "
                    + "and bound by phone (role FAMILY)%n", setup.city, setup.district, setup.hospital,
                    setup.families.size(), setup.families.size());

            Meters meters = new Meters(() -> settings.connect(settings.databaseUrl()), settings.redisHost(), settings.redisPort());
            OUT.println("processes:  " + meters.describeProcesses());

            Floor floor = new Floor(setup);
            floor.open();
            LoadRun.runFor("floor warm-up", settings.clients(), Duration.ofSeconds(3), LoadRun.OK, floor::insert);
            LoadRun.Result floorBefore = LoadRun.run("JDBC INSERT, autocommit (before)", settings.clients(),
                    settings.requests(), Duration.ofSeconds(settings.maxSeconds()), LoadRun.OK, floor::insert);
            OUT.printf("floor before: %.0f rows/s%n", floorBefore.perSecond());

            Submissions submissions = new Submissions(port, setup.families);
            LoadRun.Result warmUp = LoadRun.run("warm-up", settings.clients(), settings.warmupRequests(),
                    Duration.ofSeconds(settings.warmupSeconds()), 201, submissions::submit);
            OUT.printf("warm-up: %d submissions in %.1f s (%.0f/s), %d not 201%n", warmUp.count(), warmUp.wallNanos() / 1e9,
                    warmUp.perSecond(), warmUp.count() - warmUp.succeeded(201));

            OUT.printf("MyBatis-Plus parses SQL on %d thread(s) named mybatis-plus-jsqlParser-* (JsqlParserGlobal's default "
                    + "executor: (cores + 1) / 2)%n", threadsNamed("mybatis-plus-jsqlParser"));
            String loadBefore = loadAverage();
            PoolWatch poolWatch = new PoolWatch(dataSource.getHikariPoolMXBean());
            Thread watching = new Thread(poolWatch, "bench-pool-watch");
            watching.setDaemon(true);
            Meters.Snapshot before = meters.take();
            watching.start();
            LoadRun.Result measured = LoadRun.run("POST /api/mini/tickets (201)", settings.clients(), settings.requests(),
                    Duration.ofSeconds(settings.maxSeconds()), 201, submissions::submit);
            poolWatch.stop();
            Meters.Snapshot after = meters.take();
            OUT.printf("measured: %d submissions in %.1f s%s; load average before %s, after %s%n", measured.count(),
                    measured.wallNanos() / 1e9, measured.count() < settings.requests() ? " (the time limit came first)" : "",
                    loadBefore, loadAverage());

            Meters.Snapshot floorStart = meters.take();
            LoadRun.Result floorAfter = LoadRun.run("JDBC INSERT, autocommit (after)", settings.clients(),
                    settings.requests(), Duration.ofSeconds(settings.maxSeconds()), LoadRun.OK, floor::insert);
            Meters.Snapshot floorEnd = meters.take();
            floor.close();

            Checks checks = checks(warmUp.succeeded(201) + measured.succeeded(201));

            LoadRun.Result sampled = null;
            WallClockProfile profile = null;
            if (settings.sampleSeconds() > 0) {
                profile = new WallClockProfile(20);
                Thread sampler = new Thread(profile, "bench-sampler");
                sampler.setDaemon(true);
                sampler.start();
                sampled = LoadRun.runFor("sampled", settings.clients(), Duration.ofSeconds(settings.sampleSeconds()), 201,
                        submissions::submit);
                profile.stop();
                sampler.join(1000);
            }

            // ---- report ----------------------------------------------------------------------------
            OUT.println();
            OUT.println("== Results ==");
            OUT.printf("%-40s %7s %7s %9s %8s %8s %8s %8s %8s%n", "", "count", "not-ok", "per s", "p50 ms", "p90 ms",
                    "p99 ms", "max ms", "mean ms");
            line(measured, 201, "app: " + measured.name());
            line(floorBefore, LoadRun.OK, "floor: " + floorBefore.name());
            line(floorAfter, LoadRun.OK, "floor: " + floorAfter.name());
            double floorRate = Math.max(floorBefore.perSecond(), floorAfter.perSecond());
            double ratio = measured.perSecond() / floorRate;
            double p99 = measured.percentileMillis(99);
            OUT.println();
            OUT.printf("ratio = app req/s / floor rows/s = %.1f / %.1f = %.3f   (target >= %.1f: %s)%n", measured.perSecond(),
                    floorRate, ratio, TARGET_RATIO, ratio >= TARGET_RATIO ? "MET"
                            : String.format("MISSED, %.0f%% of the target", 100 * ratio / TARGET_RATIO));
            OUT.printf("        (with the floor before: %.3f, after: %.3f)%n", measured.perSecond() / floorBefore.perSecond(),
                    measured.perSecond() / floorAfter.perSecond());
            OUT.printf("p99 at %d clients = %.1f ms   (target < %.0f ms: %s)%n", settings.clients(), p99, TARGET_P99_MILLIS,
                    p99 < TARGET_P99_MILLIS ? "MET" : String.format("MISSED by %.1f ms", p99 - TARGET_P99_MILLIS));
            long notCreated = measured.count() - measured.succeeded(201);
            OUT.printf("non-201 answers in the measured phase: %d %s%n", notCreated, notCreated == 0 ? ""
                    : measured.statuses() + " first: " + submissions.firstError.get());
            OUT.println();
            OUT.println("== Where the time goes: measured phase (" + measured.count() + " submissions) ==");
            meters.print(OUT, before, after, measured.count(), cores);
            poolWatch.print(OUT);
            OUT.println();
            OUT.println("== Floor, after: what one autocommit INSERT costs (" + floorAfter.count() + " rows) ==");
            meters.print(OUT, floorStart, floorEnd, floorAfter.count(), cores);
            OUT.println();
            OUT.println("== Checks in the database ==");
            checks.print(OUT);
            if (profile != null) {
                OUT.println();
                OUT.printf("== Sampled phase: %d s, %d submissions (%.0f/s, p50 %.1f ms, p99 %.1f ms; the sampling slows it) ==%n",
                        settings.sampleSeconds(), sampled.count(), sampled.perSecond(), sampled.percentileMillis(50),
                        sampled.percentileMillis(99));
                profile.print(OUT);
            }
            if (notCreated > measured.count() / 100) {
                OUT.println("More than 1 % of the submissions were not created: the figures above do not describe the app.");
                exit = 1;
            }
        } finally {
            if (app != null) {
                app.close();
            }
            dropDatabase();
            flushRedis();
            OUT.println();
            OUT.println("cleaned up: application stopped, database " + settings.database() + " dropped, Redis database "
                    + settings.redisDatabase() + " flushed");
        }
        return exit;
    }

    private static void line(LoadRun.Result r, int expected, String label) {
        OUT.printf("%-40s %7d %7d %9.1f %8.2f %8.2f %8.2f %8.2f %8.2f%n", label, r.count(), r.count() - r.succeeded(expected),
                r.perSecond(), r.percentileMillis(50), r.percentileMillis(90), r.percentileMillis(99), r.maxMillis(),
                r.meanMillis());
    }

    // ---- the application -------------------------------------------------------------------------

    /**
     * An experiment, off unless asked for: QN_BENCH_WHATIF_PARSER=caller parses SQL on the calling
     * thread, =N on a pool of N threads, instead of MyBatis-Plus's default pool of (cores + 1) / 2.
     */
    private static String whatIfParser() {
        String value = System.getenv("QN_BENCH_WHATIF_PARSER");
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.equals("caller")) {
            JsqlParserGlobal.setExecutorService(new CallerRunsExecutor());
            return "MyBatis-Plus's JSqlParser runs on the calling thread (QN_BENCH_WHATIF_PARSER=caller)";
        }
        int threads = Integer.parseInt(value);
        AtomicInteger count = new AtomicInteger();
        JsqlParserGlobal.setExecutorService(Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, "mybatis-plus-jsqlParser-whatif-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }));
        return "MyBatis-Plus's JSqlParser pool has " + threads + " threads (QN_BENCH_WHATIF_PARSER=" + threads + ")";
    }

    /** Runs every task at once on the thread that submits it. */
    private static final class CallerRunsExecutor extends AbstractExecutorService {

        private volatile boolean shutdown;

        @Override
        public void execute(Runnable command) {
            command.run();
        }

        @Override
        public void shutdown() {
            shutdown = true;
        }

        @Override
        public List<Runnable> shutdownNow() {
            shutdown = true;
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return shutdown;
        }

        @Override
        public boolean isTerminated() {
            return shutdown;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }

    private ConfigurableApplicationContext startApplication(WechatApiStub wechat, OssStub oss) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.profiles.active=prod",
                "--server.port=0",
                "--spring.datasource.url=" + settings.databaseUrl(),
                "--spring.datasource.username=" + settings.dbUser(),
                "--spring.datasource.password=" + settings.dbPassword(),
                "--spring.data.redis.host=" + settings.redisHost(),
                "--spring.data.redis.port=" + settings.redisPort(),
                "--spring.data.redis.database=" + settings.redisDatabase(),
                "--qingnuan.bootstrap.admin-password=" + BOOTSTRAP_PASSWORD,
                "--qingnuan.crypto.active-key-id=" + CRYPTO_KEY_ID,
                "--qingnuan.crypto.keys=" + CRYPTO_KEY_ID + ":" + randomKey(),
                "--qingnuan.crypto.blind-index-key=" + randomKey(),
                "--qingnuan.wechat.mini.app-id=" + IntegrationTest.MINI_APP_ID,
                "--qingnuan.wechat.mini.secret=" + WechatApiStub.MINI_SECRET,
                "--qingnuan.wechat.mini.api-host=" + wechat.baseUrl(),
                "--qingnuan.wechat.mp.app-id=" + IntegrationTest.MP_APP_ID,
                "--qingnuan.wechat.mp.secret=" + WechatApiStub.MP_SECRET,
                "--qingnuan.wechat.mp.token=" + IntegrationTest.MP_TOKEN,
                "--qingnuan.wechat.mp.aes-key=" + IntegrationTest.MP_AES_KEY,
                "--qingnuan.wechat.mp.api-host=" + wechat.baseUrl(),
                "--qingnuan.notice.ticket-template-id=" + IntegrationTest.TICKET_TEMPLATE_ID,
                "--qingnuan.storage.oss.endpoint=" + oss.baseUrl(),
                "--qingnuan.storage.oss.bucket=" + OssStub.BUCKET,
                "--qingnuan.storage.oss.access-key-id=" + OssStub.ACCESS_KEY_ID,
                "--qingnuan.storage.oss.access-key-secret=" + OssStub.ACCESS_KEY_SECRET,
                "--qingnuan.scheduling.enabled=false",
                "--logging.level.root=WARN"));
        SpringApplication application = new SpringApplication(QingnuanApplication.class);
        // the test classes are on this JVM's class path: keep them (a test controller, the tests' beans) out of the scan
        application.addInitializers(context -> context.getBeanFactory()
                .registerSingleton("benchmarkExcludesTestClasses", new ExcludeTestClasses()));
        return application.run(args.toArray(String[]::new));
    }

    /** Leaves out of the component scan every class compiled from src/test. */
    static final class ExcludeTestClasses extends TypeExcludeFilter {

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            return reader.getResource().getURL().toString().contains("/test-classes/");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ExcludeTestClasses;
        }

        @Override
        public int hashCode() {
            return ExcludeTestClasses.class.hashCode();
        }
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    // ---- set-up through the API ------------------------------------------------------------------

    private record Setup(long city, long district, long hospital, List<Family> families) {
    }

    private Setup setUp(Api api) {
        String admin = api.login("admin", BOOTSTRAP_PASSWORD);
        expect(api.post("/api/admin/auth/password", admin,
                Map.of("currentPassword", BOOTSTRAP_PASSWORD, "newPassword", ADMIN_PASSWORD)), 204, "change the first password");
        admin = api.login("admin", ADMIN_PASSWORD);
        long root = expect(api.get("/api/admin/orgs/tree", admin), 200, "read the org tree").body().get(0).get("id").asLong();
        long city = id(expect(api.post("/api/admin/orgs", admin, Map.of("parentId", root, "name", "武汉市团委",
                "type", "CITY_LEAGUE", "region", CITY)), 201, "create the city league"));
        long district = id(expect(api.post("/api/admin/orgs", admin, Map.of("parentId", city, "name", "江岸区团委",
                "type", "DISTRICT_LEAGUE", "region", DISTRICT)), 201, "create the district league"));
        long hospital = id(expect(api.post("/api/admin/hospitals", admin, Map.of("name", "武汉市第一医院", "city", CITY,
                "level", "CITY_RUN")), 201, "create the hospital"));
        List<Family> families = new ArrayList<>();
        for (int i = 0; i < settings.clients(); i++) {
            String familyPhone = String.format("139%08d", 10_000 + i);
            String ownPhone = String.format("138%08d", 10_000 + i);
            String address = DISTRICT + "解放大道" + (1000 + i) + "号" + (1 + i % 20) + "栋" + (101 + i) + "室";
            Map<String, Object> worker = new LinkedHashMap<>();
            worker.put("hospitalId", hospital);
            worker.put("orgId", district);
            worker.put("name", WORKER_NAMES[i % WORKER_NAMES.length]);
            worker.put("gender", i % 2 == 0 ? "MALE" : "FEMALE");
            worker.put("ownPhone", ownPhone);
            worker.put("familyPhone", familyPhone);
            worker.put("homeAddress", address);
            worker.put("aidedHubei", true);
            worker.put("batch", 1);
            long familyId = expect(api.post("/api/admin/medical-workers", admin, worker), 201, "register a medical worker")
                    .body().get("family").get("id").asLong();

            String openId = "oBench" + i;
            Api.Response login = expect(api.post("/api/mini/auth/login", null, Map.of("code", "code-" + openId)), 200,
                    "sign in to the mini-program");
            String token = login.body().get("token").asText();
            JsonNode me = expect(api.post("/api/mini/me/phone", token, Map.of("code", "phone-" + familyPhone)), 200,
                    "bind the family phone").body();
            JsonNode role = me.get("roles").get(0);
            if (!"FAMILY".equals(role.get("kind").asText()) || role.get("familyId").asLong() != familyId) {
                throw new IllegalStateException("The phone did not bind the family: " + me);
            }
            families.add(new Family(familyId, me.get("userId").asLong(), token, address, familyPhone));
        }
        return new Setup(city, district, hospital, families);
    }

    private static Api.Response expect(Api.Response response, int status, String what) {
        if (response.status() != status) {
            throw new IllegalStateException("Could not " + what + ": " + response.status() + " " + response.raw());
        }
        return response;
    }

    private static long id(Api.Response response) {
        return response.body().get("id").asLong();
    }

    // ---- the measured operation ------------------------------------------------------------------

    /** The clients' submissions: one keep-alive HTTP/1.1 client, a fresh Idempotency-Key per request. */
    private static final class Submissions {

        final AtomicReference<String> firstError = new AtomicReference<>();
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final URI uri;
        private final List<Family> families;
        private final byte[][][] bodies;
        private final int[] turn;

        Submissions(int port, List<Family> families) throws IOException {
            this.uri = URI.create("http://127.0.0.1:" + port + "/api/mini/tickets");
            this.families = families;
            this.bodies = new byte[families.size()][REQUESTS.length][];
            this.turn = new int[families.size()];
            for (int c = 0; c < families.size(); c++) {
                for (int v = 0; v < REQUESTS.length; v++) {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("familyId", families.get(c).familyId());
                    body.put("category", REQUESTS[(c + v) % REQUESTS.length][0]);
                    body.put("urgency", "NORMAL");
                    body.put("description", REQUESTS[(c + v) % REQUESTS.length][1]);
                    body.put("contactMethod", CONTACT_METHODS[(c + v) % CONTACT_METHODS.length]);
                    bodies[c][v] = JSON.writeValueAsBytes(body);
                }
            }
        }

        int submit(int client) throws IOException, InterruptedException {
            byte[] body = bodies[client][turn[client]++ % REQUESTS.length];
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + families.get(client).token())
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 201) {
                firstError.compareAndSet(null, response.statusCode() + " " + new String(response.body(), StandardCharsets.UTF_8));
            }
            return response.statusCode();
        }
    }

    // ---- the floor -------------------------------------------------------------------------------

    /**
     * Plain JDBC into {@code help_ticket_floor}, a copy of {@code help_ticket} (columns and indexes):
     * one connection per thread, autocommit, one row per INSERT, with values as long as the
     * application's (sealed values are random base64 of the length AES-GCM gives the same text).
     */
    private final class Floor {

        private static final int VARIANTS = 16;
        private final Setup setup;
        private final Connection[] connections;
        private final PreparedStatement[] statements;
        private final Object[][][] rows;
        private final int[] turn;

        Floor(Setup setup) {
            this.setup = setup;
            int clients = settings.clients();
            this.connections = new Connection[clients];
            this.statements = new PreparedStatement[clients];
            this.rows = new Object[clients][VARIANTS][];
            this.turn = new int[clients];
        }

        void open() throws SQLException {
            try (Connection c = settings.connect(settings.databaseUrl()); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE help_ticket_floor LIKE help_ticket");
            }
            for (int c = 0; c < connections.length; c++) {
                connections[c] = settings.connect(settings.databaseUrl());
                connections[c].setAutoCommit(true);
                statements[c] = connections[c].prepareStatement("INSERT INTO help_ticket_floor (org_id, family_id, channel, "
                        + "submitter_type, submitter_user_id, category, urgency, status, crisis, content_check, "
                        + "description_sealed, address_sealed, district, contact_method, contact_phone_sealed, version, "
                        + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                Family family = setup.families().get(c);
                for (int v = 0; v < VARIANTS; v++) {
                    String[] request = REQUESTS[(c + v) % REQUESTS.length];
                    rows[c][v] = new Object[] {setup.district(), family.familyId(), "MINI_PROGRAM", "FAMILY", family.userId(),
                            request[0], "NORMAL", "SUBMITTED", 0, "PASS", sealedLike(request[1]), sealedLike(family.homeAddress()),
                            DISTRICT, CONTACT_METHODS[(c + v) % CONTACT_METHODS.length], sealedLike(family.phone()), 0};
                }
            }
        }

        int insert(int client) throws SQLException {
            PreparedStatement insert = statements[client];
            Object[] row = rows[client][turn[client]++ % VARIANTS];
            for (int i = 0; i < row.length; i++) {
                insert.setObject(i + 1, row[i]);
            }
            Timestamp now = Timestamp.valueOf(LocalDateTime.now());
            insert.setTimestamp(row.length + 1, now);
            insert.setTimestamp(row.length + 2, now);
            insert.executeUpdate();
            return LoadRun.OK;
        }

        void close() throws SQLException {
            for (Connection c : connections) {
                c.close();
            }
        }

        /** As long as the application's sealed value of the text: key id, ':', base64(12-byte IV, text, 16-byte tag). */
        private String sealedLike(String plain) {
            byte[] bytes = new byte[12 + plain.getBytes(StandardCharsets.UTF_8).length + 16];
            RANDOM.nextBytes(bytes);
            return CRYPTO_KEY_ID + ":" + Base64.getEncoder().encodeToString(bytes);
        }
    }

    // ---- the Hikari pool during the measured phase -----------------------------------------------

    private static final class PoolWatch implements Runnable {

        private final HikariPoolMXBean pool;
        private volatile boolean running = true;
        private long samples;
        private long active;
        private long maxActive;
        private long waiting;
        private long maxWaiting;
        private long samplesWithWaiters;

        PoolWatch(HikariPoolMXBean pool) {
            this.pool = pool;
        }

        void stop() {
            running = false;
        }

        @Override
        public void run() {
            while (running) {
                int a = pool.getActiveConnections();
                int w = pool.getThreadsAwaitingConnection();
                synchronized (this) {
                    samples++;
                    active += a;
                    maxActive = Math.max(maxActive, a);
                    waiting += w;
                    maxWaiting = Math.max(maxWaiting, w);
                    if (w > 0) {
                        samplesWithWaiters++;
                    }
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        synchronized void print(PrintStream out) {
            if (samples == 0) {
                return;
            }
            out.printf("  Hikari pool (every 50 ms, %d samples): connections in use avg %.1f, max %d (of %d); threads waiting "
                            + "for one avg %.1f, max %d; some thread waiting in %.0f%% of samples%n", samples,
                    active / (double) samples, maxActive, pool.getTotalConnections(), waiting / (double) samples, maxWaiting,
                    100.0 * samplesWithWaiters / samples);
        }
    }

    // ---- checks and housekeeping -----------------------------------------------------------------

    private record Checks(long expected, Map<String, Long> tickets, long events, long keys, String rowBytes) {

        void print(PrintStream out) {
            long total = tickets.values().stream().mapToLong(Long::longValue).sum();
            out.printf("  help_ticket rows: %d (201 answers in warm-up + measured phase: %d) by content_check %s%n", total,
                    expected, tickets);
            out.printf("  help_ticket_event rows: %d, idempotency_record rows: %d%n", events, keys);
            out.println("  bytes of the variable columns per row (sealed description, address, phone; district): " + rowBytes);
        }
    }

    private Checks checks(long expected) throws SQLException {
        try (Connection c = settings.connect(settings.databaseUrl()); Statement s = c.createStatement()) {
            Map<String, Long> tickets = new LinkedHashMap<>();
            try (ResultSet rs = s.executeQuery("SELECT content_check, COUNT(*) FROM help_ticket GROUP BY content_check")) {
                while (rs.next()) {
                    tickets.put(rs.getString(1), rs.getLong(2));
                }
            }
            long events = single(s, "SELECT COUNT(*) FROM help_ticket_event");
            long keys = single(s, "SELECT COUNT(*) FROM idempotency_record");
            String size = "AVG(LENGTH(description_sealed) + IFNULL(LENGTH(address_sealed), 0) "
                    + "+ IFNULL(LENGTH(contact_phone_sealed), 0) + IFNULL(LENGTH(district), 0))";
            String rowBytes = String.format("application %d, floor %d", single(s, "SELECT ROUND(" + size + ") FROM help_ticket"),
                    single(s, "SELECT ROUND(" + size + ") FROM help_ticket_floor"));
            return new Checks(expected, tickets, events, keys, rowBytes);
        }
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String variables(Connection c, String... names) throws SQLException {
        StringBuilder text = new StringBuilder();
        try (Statement s = c.createStatement()) {
            for (String name : names) {
                try (ResultSet rs = s.executeQuery("SELECT @@" + name)) {
                    rs.next();
                    text.append(text.length() == 0 ? "" : ", ").append(name).append(' ').append(rs.getString(1));
                }
            }
        }
        return text.toString();
    }

    private void recreateDatabase() throws SQLException {
        try (Connection c = settings.connect(settings.serverUrl()); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + settings.database());
            s.execute("CREATE DATABASE " + settings.database() + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
    }

    private void dropDatabase() {
        try (Connection c = settings.connect(settings.serverUrl()); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + settings.database());
        } catch (SQLException | RuntimeException e) {
            OUT.println("could not drop " + settings.database() + ": " + e.getMessage());
        }
    }

    private void flushRedis() throws IOException {
        try (RedisWire redis = new RedisWire(settings.redisHost(), settings.redisPort(), settings.redisDatabase())) {
            redis.command("FLUSHDB");
        }
    }

    private static long threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(prefix)).count();
    }

    private static String loadAverage() {
        try {
            return String.join(" ", java.util.Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).trim().split(" "), 3));
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static String memory() {
        try {
            String total = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\D", "");
            return (Long.parseLong(total) / 1024 / 1024) + " GB memory";
        } catch (IOException | RuntimeException e) {
            return "? memory";
        }
    }
}
