package org.qingnuan.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Points the whole test run at the real MariaDB and Redis on this machine: a fresh database of its
 * own, created before the first test and dropped after the last, and a Redis database index of its
 * own, emptied before the run. Connection settings come from the environment (README):
 * QN_TEST_DB_HOST/PORT/USER/PASSWORD, QN_TEST_REDIS_HOST/PORT/DATABASE.
 */
public class RealServicesSession implements LauncherSessionListener {

    private static String database;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (database != null) {
            return;
        }
        database = "qingnuan_test_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"))
                + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xffff));
        execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        System.setProperty("spring.datasource.url", jdbcUrl(database));
        System.setProperty("spring.datasource.username", env("QN_TEST_DB_USER", "root"));
        System.setProperty("spring.datasource.password", env("QN_TEST_DB_PASSWORD", ""));
        System.setProperty("spring.data.redis.host", redisHost());
        System.setProperty("spring.data.redis.port", redisPort());
        System.setProperty("spring.data.redis.database", redisDatabase());
        flushRedis();
        try {
            java.nio.file.Files.deleteIfExists(java.nio.file.Path.of("target/test-logs/test-run.log"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (database != null && !"true".equals(System.getenv("QN_TEST_KEEP_DATABASE"))) {
            execute("DROP DATABASE IF EXISTS " + database);
        }
    }

    /** The JDBC URL of the run's database, for tests that start a second application context. */
    public static String jdbcUrl() {
        return jdbcUrl(database);
    }

    private static String jdbcUrl(String db) {
        return "jdbc:mariadb://" + env("QN_TEST_DB_HOST", "127.0.0.1") + ":" + env("QN_TEST_DB_PORT", "3306")
                + "/" + db;
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl(""), env("QN_TEST_DB_USER", "root"),
                env("QN_TEST_DB_PASSWORD", ""));
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Tests need the MariaDB on " + jdbcUrl("")
                    + " (see README: run .ci/run, or start it and create the test account): " + e.getMessage(), e);
        }
    }

    private static void flushRedis() {
        Config config = new Config();
        config.useSingleServer()
                .setAddress("redis://" + redisHost() + ":" + redisPort())
                .setDatabase(Integer.parseInt(redisDatabase()))
                .setConnectionMinimumIdleSize(1)
                .setConnectionPoolSize(2);
        RedissonClient client = Redisson.create(config);
        try {
            client.getKeys().flushdb();
        } finally {
            client.shutdown();
        }
    }

    private static String redisHost() {
        return env("QN_TEST_REDIS_HOST", "127.0.0.1");
    }

    private static String redisPort() {
        return env("QN_TEST_REDIS_PORT", "6379");
    }

    private static String redisDatabase() {
        return env("QN_TEST_REDIS_DATABASE", "13");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
