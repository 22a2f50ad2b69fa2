package org.qingnuan.bench.ledger;

import org.qingnuan.QingnuanApplication;
import org.qingnuan.ledger.Ledger;
import org.qingnuan.ledger.Ledgers;
import org.qingnuan.privacy.PersonalDataCipher;
import org.qingnuan.staff.StaffPrincipal;
import org.qingnuan.staff.StaffRole;
import org.qingnuan.testing.IntegrationTest;
import org.qingnuan.testing.WechatApiStub;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * Issue #6: today's daily ledger for a province holding 1,000,000 requests over 60 days, and for one of its
 * cities (targets 200 ms and 50 ms). A benchmark, not a test: run it with {@code benchmarks/ledger.sh}.
 *
 * <p>Fills the database {@code qingnuan_bench_ledger} (dropped and created; schema by the application's own
 * Flyway migrations) with a province of LEDGER_CITIES cities × LEDGER_DISTRICTS districts, LEDGER_TICKETS requests
 * spread evenly over LEDGER_DAYS days ending today (today a full day's worth, spread over all 24 hours), their
 * history rows as the lifecycle writes them, and ticket_overdue rows, with LOAD DATA LOCAL INFILE (secondary
 * indexes dropped during the load and rebuilt after it, then ANALYZE). Then times, LEDGER_CALLS calls each after
 * LEDGER_WARMUP: the service in-process with a staff member's jurisdiction set (province staff; city staff), the
 * same over HTTP with a real token, and floors in the same run (a bare count of today's requests; the same for
 * the city). Finally the nightly job over the whole tree once, and a past day read from its snapshot.
 */
public final class LedgerBenchmark {

    static final int TICKETS = param("LEDGER_TICKETS", 1_000_000);
    static final int DAYS = param("LEDGER_DAYS", 60);
    static final int CITIES = param("LEDGER_CITIES", 8);
    static final int DISTRICTS = param("LEDGER_DISTRICTS", 6);
    static final int CALLS = param("LEDGER_CALLS", 40);
    static final int WARMUP = param("LEDGER_WARMUP", 5);

    static final String DB_HOST = env("QN_BENCH_DB_HOST", "127.0.0.1");
    static final String DB_PORT = env("QN_BENCH_DB_PORT", "3306");
    static final String DB_USER = env("QN_BENCH_DB_USER", "root");
    static final String DB_PASSWORD = env("QN_BENCH_DB_PASSWORD", "");
    static final String DB_NAME = env("QN_BENCH_DB_NAME", "qingnuan_bench_ledger");
    static final String REDIS_HOST = env("QN_BENCH_REDIS_HOST", "127.0.0.1");
    static final String REDIS_PORT = env("QN_BENCH_REDIS_PORT", "6379");
    static final String REDIS_DATABASE = env("QN_BENCH_REDIS_DATABASE", "10");

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter SQL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private LedgerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("Ledger benchmark (issue #6): " + TICKETS + " requests over " + DAYS + " days, " + CITIES
                + " cities x " + DISTRICTS + " districts; " + CALLS + " timed calls after " + WARMUP + " warm-up calls");
        System.out.println("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("java.vm.name")
                + " " + System.getProperty("java.runtime.version") + ", load average " + loadAverage());
        resetServices();
        ConfigurableApplicationContext app = start();
        int exit = 0;
        try (Connection c = connect()) {
            System.out.println("MariaDB " + scalar(c, "SELECT VERSION()") + ", innodb_buffer_pool_size "
                    + Long.parseLong(scalar(c, "SELECT @@innodb_buffer_pool_size")) / (1024 * 1024) + " MB");
            Tree tree = Tree.build(c);
            long t0 = System.nanoTime();
            Data.fill(c, tree, app.getBean(PersonalDataCipher.class).seal("基准测试用的求助内容"));
            System.out.printf(Locale.ROOT, "Filled in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            for (String table : List.of("help_ticket", "help_ticket_event", "ticket_overdue")) {
                System.out.println("  " + table + ": " + scalar(c, "SELECT COUNT(*) FROM " + table) + " rows");
            }
            measure(app, c, tree);
        } catch (Throwable e) {
            e.printStackTrace();
            exit = 1;
        } finally {
            app.close();
        }
        System.exit(exit);
    }

    // ---- measurements ----

    static void measure(ConfigurableApplicationContext app, Connection c, Tree tree) throws Exception {
        Ledgers ledgers = app.getBean(Ledgers.class);
        LocalDate today = LocalDate.now(SHANGHAI);
        String from = today.atStartOfDay().format(SQL_TIME);
        String to = today.plusDays(1).atStartOfDay().format(SQL_TIME);
        StaffPrincipal provinceStaff = principal(tree.provinceId, tree.provincePath);
        StaffPrincipal cityStaff = principal(tree.cityIds.get(0), tree.cityPaths.get(0));

        Ledger province = as(provinceStaff, () -> ledgers.ledger(null, null));
        Ledger city = as(cityStaff, () -> ledgers.ledger(null, null));
        System.out.println("Today's figures, province: " + summary(province));
        System.out.println("Today's figures, city " + city.orgName() + ": " + summary(city));

        System.out.println();
        System.out.println("| what | p50 ms | p90 ms | p99 ms | max ms |");
        System.out.println("|---|---:|---:|---:|---:|");
        report("floor: SELECT COUNT(*) FROM help_ticket WHERE created_at in today (province)", time(() ->
                count(c, "SELECT COUNT(*) FROM help_ticket WHERE created_at >= '" + from + "' AND created_at < '" + to + "'")));
        report("floor: the same for the city's subtree", time(() -> count(c, "SELECT COUNT(*) FROM help_ticket WHERE created_at >= '"
                + from + "' AND created_at < '" + to + "' AND org_id IN (SELECT id FROM org_unit WHERE path LIKE '" + tree.cityPaths.get(0) + "%')")));
        report("ledger in-process, province staff", time(() -> as(provinceStaff, () -> ledgers.ledger(null, null)).newTotal()));
        report("ledger in-process, city staff", time(() -> as(cityStaff, () -> ledgers.ledger(null, null)).newTotal()));
        // nobody signed in: the jurisdiction interceptor skips its SQL parse, so this row shows what the filter costs
        report("ledger in-process, nobody signed in (no jurisdiction filter), province", time(() ->
                ledgers.ledger(null, tree.provinceId).newTotal()));
        report("ledger in-process, nobody signed in (no jurisdiction filter), city", time(() ->
                ledgers.ledger(null, tree.cityIds.get(0)).newTotal()));
        report("ledger in-process, province staff, orgId = the city", time(() ->
                as(provinceStaff, () -> ledgers.ledger(null, tree.cityIds.get(0))).newTotal()));

        // where the province's time goes: each statement of a live day alone (nobody signed in, as the service calls them)
        org.qingnuan.ledger.internal.LedgerMapper mapper = app.getBean(org.qingnuan.ledger.internal.LedgerMapper.class);
        List<Long> orgs = mapper.subtree(tree.provincePath);
        LocalDateTime f = today.atStartOfDay();
        LocalDateTime t = today.plusDays(1).atStartOfDay();
        report("  province, statement alone: subtree ids", time(() -> mapper.subtree(tree.provincePath).size()));
        report("  province, statement alone: new by category and channel", time(() -> mapper.newTickets(orgs, f, t).size()));
        report("  province, statement alone: accepted, done, confirmed", time(() -> mapper.onceMoves(orgs, f, t).size()));
        report("  province, statement alone: dispatched, claimed (distinct)", time(() -> mapper.repeatMoves(orgs, f, t).size()));
        report("  province, statement alone: overdue", time(() -> mapper.overdue(orgs, f, t).size()));
        report("  province, statement alone: open now", time(() -> mapper.openNow(orgs).size()));
        report("  province, statement alone: first-response spans", time(() -> mapper.firstResponses(orgs, f, t).size()));
        report("  province, statement alone: done spans", time(() -> mapper.completions(orgs, f, t).size()));
        report("  province, statement alone: ratings", time(() -> mapper.ratings(orgs, f, t).size()));

        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        String provinceToken = login(port, "bench-province");
        String cityToken = login(port, "bench-city");
        HttpClient http = HttpClient.newHttpClient();
        report("GET /api/admin/ledger over HTTP, province staff", time(() -> get(http, port, "/api/admin/ledger", provinceToken)));
        report("GET /api/admin/ledger over HTTP, city staff", time(() -> get(http, port, "/api/admin/ledger", cityToken)));
        report("GET /api/admin/ledger/status over HTTP, province staff", time(() -> get(http, port, "/api/admin/ledger/status", provinceToken)));

        // the nightly job over the whole tree, once, then yesterday read from its snapshot
        Object job = app.getBean(Class.forName("org.qingnuan.ledger.LedgerSnapshots"));
        java.lang.reflect.Method snapshot = job.getClass().getDeclaredMethod("snapshot", LocalDate.class);
        snapshot.setAccessible(true);
        LocalDate yesterday = today.minusDays(1);
        report("yesterday counted live (no snapshot), province staff", time(3, 1, () ->
                as(provinceStaff, () -> ledgers.ledger(yesterday, null)).newTotal()));
        long j0 = System.nanoTime();
        int written = (Integer) snapshot.invoke(job, yesterday);
        System.out.printf(Locale.ROOT, "| nightly job: yesterday of all %d orgs, once | %.1f | | | |%n", written, (System.nanoTime() - j0) / 1e6);
        report("yesterday from its snapshot, province staff", time(() -> as(provinceStaff, () -> ledgers.ledger(yesterday, null)).newTotal()));
        report("GET /api/admin/ledger/trend (14 days: 13 counted live, today live), city staff", time(3, 1, () ->
                get(http, port, "/api/admin/ledger/trend?days=14", cityToken)));
        System.out.println();
        System.out.println("Load average at end: " + loadAverage());
    }

    static String summary(Ledger l) {
        return "new " + l.newTotal() + ", accepted " + l.accepted() + ", dispatched " + l.dispatched() + ", claimed " + l.claimed()
                + ", done " + l.done() + ", confirmed " + l.confirmed() + ", overdue " + l.overdue() + ", open at end " + l.openAtEnd()
                + ", median first response " + l.medianFirstResponseMinutes() + " min, median done " + l.medianDoneMinutes()
                + " min, rating " + l.averageRating() + " (" + l.ratedCount() + ")";
    }

    static StaffPrincipal principal(long orgId, String path) {
        return new StaffPrincipal(1L, "bench", "基准", orgId, path, EnumSet.of(StaffRole.VIEWER), false, "bench");
    }

    static <T> T as(StaffPrincipal p, java.util.function.Supplier<T> call) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(p, null, List.of()));
        try {
            return call.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    interface Call {
        long run() throws Exception;
    }

    static long[] time(Call call) throws Exception {
        return time(CALLS, WARMUP, call);
    }

    static long[] time(int calls, int warmup, Call call) throws Exception {
        for (int i = 0; i < warmup; i++) {
            call.run();
        }
        long[] nanos = new long[calls];
        for (int i = 0; i < calls; i++) {
            long t = System.nanoTime();
            call.run();
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    static void report(String what, long[] sorted) {
        System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f |%n", what, rank(sorted, 0.5), rank(sorted, 0.9),
                rank(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }

    static double rank(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static long get(HttpClient http, int port, String path, String token) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + " " + r.body());
        }
        return r.body().length();
    }

    static String login(int port, String username) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/admin/auth/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\""
                        + IntegrationTest.BOOTSTRAP_PASSWORD + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login " + r.statusCode() + " " + r.body());
        }
        return r.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }

    // ---- the org tree and staff ----

    record Tree(long provinceId, String provincePath, List<Long> cityIds, List<String> cityPaths, long[] districtIds) {

        static Tree build(Connection c) throws SQLException {
            long province = Long.parseLong(scalar(c, "SELECT id FROM org_unit WHERE parent_id IS NULL"));
            String provincePath = scalar(c, "SELECT path FROM org_unit WHERE id = " + province);
            List<Long> cities = new ArrayList<>();
            List<String> cityPaths = new ArrayList<>();
            long[] districts = new long[CITIES * DISTRICTS];
            try (Statement s = c.createStatement()) {
                for (int i = 0; i < CITIES; i++) {
                    long city = insertOrg(s, province, provincePath, 1, "基准市" + (i + 1), "CITY_LEAGUE");
                    String cityPath = provincePath + city + "/";
                    cities.add(city);
                    cityPaths.add(cityPath);
                    for (int j = 0; j < DISTRICTS; j++) {
                        districts[i * DISTRICTS + j] = insertOrg(s, city, cityPath, 2, "基准市" + (i + 1) + "第" + (j + 1) + "区",
                                "DISTRICT_LEAGUE");
                    }
                }
                // two staff accounts that sign in over HTTP, sharing the bootstrap admin's password hash
                s.executeUpdate("UPDATE staff_account SET must_change_password = 0");
                String hash = scalar(c, "SELECT password_hash FROM staff_account WHERE username = 'admin'");
                for (Object[] staff : new Object[][]{{"bench-province", province}, {"bench-city", cities.get(0)}}) {
                    s.executeUpdate("INSERT INTO staff_account (org_id, username, display_name, password_hash, roles, enabled,"
                            + " must_change_password, failed_login_count, version, created_at, updated_at) VALUES (" + staff[1]
                            + ", '" + staff[0] + "', '基准', '" + hash + "', 'VIEWER', 1, 0, 0, 0, NOW(3), NOW(3))");
                }
            }
            return new Tree(province, provincePath, cities, cityPaths, districts);
        }

        private static long insertOrg(Statement s, long parent, String parentPath, int depth, String name, String type) throws SQLException {
            s.executeUpdate("INSERT INTO org_unit (parent_id, path, depth, name, type, region, version, deleted, created_at, updated_at)"
                    + " VALUES (" + parent + ", '-', " + depth + ", '" + name + "', '" + type + "', '" + name + "', 0, 0, NOW(3), NOW(3))",
                    Statement.RETURN_GENERATED_KEYS);
            long id;
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
            s.executeUpdate("UPDATE org_unit SET path = '" + parentPath + id + "/' WHERE id = " + id);
            return id;
        }
    }

    // ---- services ----

    static Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://" + DB_HOST + ":" + DB_PORT + "/" + DB_NAME + "?allowLocalInfile=true",
                DB_USER, DB_PASSWORD);
    }

    public static void resetServices() throws SQLException {
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

    public static ConfigurableApplicationContext start() {
        String stub = WechatApiStub.get().baseUrl();
        return new SpringApplicationBuilder(QingnuanApplication.class).profiles("prod").run(
                "--server.port=0",
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
                "--qingnuan.wechat.mini.app-id=" + IntegrationTest.MINI_APP_ID,
                "--qingnuan.wechat.mini.secret=" + WechatApiStub.MINI_SECRET,
                "--qingnuan.wechat.mp.api-host=" + stub,
                "--qingnuan.wechat.mini.api-host=" + stub,
                "--qingnuan.wechat.wecom.api-host=" + stub,
                "--qingnuan.notice.ticket-template-id=" + IntegrationTest.TICKET_TEMPLATE_ID,
                "--logging.level.root=WARN");
    }

    public static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }

    public static int param(String name, int fallback) {
        String value = System.getProperty(name, System.getenv(name));
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
