package org.qingnuan.bench.claims;

import org.qingnuan.QingnuanApplication;
import org.qingnuan.testing.IntegrationTest;
import org.qingnuan.testing.WechatApiStub;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The real application, in-process, on the benchmark's own MariaDB database and Redis database, with
 * the settings of {@link IntegrationTest} (test keys, bootstrap admin, WeChat hosts on a stub) and no
 * scheduled jobs. Connection settings: QN_BENCH_DB_HOST/PORT/USER/PASSWORD/NAME, QN_BENCH_REDIS_HOST/PORT/DATABASE.
 */
final class BenchApp {

    static final String DB_HOST = env("QN_BENCH_DB_HOST", "127.0.0.1");
    static final String DB_PORT = env("QN_BENCH_DB_PORT", "3306");
    static final String DB_USER = env("QN_BENCH_DB_USER", "root");
    static final String DB_PASSWORD = env("QN_BENCH_DB_PASSWORD", "");
    static final String DB_NAME = env("QN_BENCH_DB_NAME", "qingnuan_bench2");
    static final String REDIS_HOST = env("QN_BENCH_REDIS_HOST", "127.0.0.1");
    static final String REDIS_PORT = env("QN_BENCH_REDIS_PORT", "6379");
    static final String REDIS_DATABASE = env("QN_BENCH_REDIS_DATABASE", "9");

    private BenchApp() {
    }

    static String jdbcUrl() {
        return "jdbc:mariadb://" + DB_HOST + ":" + DB_PORT + "/" + DB_NAME;
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), DB_USER, DB_PASSWORD);
    }

    /** Drops and creates the benchmark database, empties the benchmark Redis database. */
    static void resetServices() throws SQLException {
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

    static ConfigurableApplicationContext start(String... extra) {
        String stub = WechatApiStub.get().baseUrl();
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + jdbcUrl(),
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
                "--logging.level.root=WARN"));
        args.addAll(List.of(extra));
        // what-ifs without touching the code: QN_BENCH_APP_ARGS="--some.property=value ..." (printed by the benchmark)
        String whatIf = env("QN_BENCH_APP_ARGS", "");
        if (!whatIf.isBlank()) {
            args.addAll(List.of(whatIf.trim().split("\\s+")));
        }
        return new SpringApplicationBuilder(QingnuanApplication.class).profiles("prod").run(args.toArray(String[]::new));
    }

    static void printMachine() {
        System.out.println("Machine: " + Runtime.getRuntime().availableProcessors() + " cores (nproc "
                + command("nproc").trim() + "), " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
        System.out.println("java -version: " + command("java", "-version").replace('\n', ' ').trim());
        System.out.println("Load average at start: " + loadAverage());
        System.out.println("MariaDB " + DB_HOST + ":" + DB_PORT + "/" + DB_NAME + ", Redis " + REDIS_HOST + ":" + REDIS_PORT
                + " db " + REDIS_DATABASE);
    }

    static String loadAverage() {
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
