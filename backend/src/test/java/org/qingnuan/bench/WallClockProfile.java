package org.qingnuan.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A wall-clock sampler of the application's request threads: every few milliseconds it looks at
 * what each Tomcat worker is doing (running or waiting) and files the sample under the library it
 * is in (MariaDB driver, Redisson, WxJava's HTTP client, JSqlParser …) and under the nearest
 * Qingnuan method on the stack. Idle workers (waiting for a request) are not counted. Taking a
 * stack stops the JVM briefly, so this runs in a phase of its own, never in the measured one.
 */
final class WallClockProfile implements Runnable {

    private static final List<String[]> LIBRARIES = List.of(
            new String[] {"org.mariadb.", "MariaDB driver (statement round trips)"},
            new String[] {"com.zaxxer.hikari.", "Hikari (waiting for a pooled connection)"},
            new String[] {"org.redisson.", "Redis via Redisson"},
            new String[] {"io.netty.", "Redis via Redisson"},
            new String[] {"org.apache.hc.", "WeChat msgSecCheck HTTP call (WxJava's Apache HttpClient 5)"},
            new String[] {"org.apache.http.", "WeChat msgSecCheck HTTP call (WxJava's Apache HttpClient 4)"},
            new String[] {"me.chanjar.weixin.", "WxJava"},
            new String[] {"cn.binarywang.", "WxJava"},
            new String[] {"com.google.gson.", "WxJava"},
            new String[] {"io.micrometer.", "Micrometer observations"},
            new String[] {"net.sf.jsqlparser.", "JSqlParser"},
            new String[] {"com.baomidou.", "MyBatis-Plus / MyBatis"},
            new String[] {"org.apache.ibatis.", "MyBatis-Plus / MyBatis"},
            new String[] {"org.mybatis.", "MyBatis-Plus / MyBatis"},
            new String[] {"com.fasterxml.jackson.", "Jackson (JSON)"},
            new String[] {"org.hibernate.validator.", "Bean Validation"},
            new String[] {"org.springframework.security.", "Spring Security"},
            new String[] {"org.springframework.transaction.", "Spring transactions / JDBC"},
            new String[] {"org.springframework.jdbc.", "Spring transactions / JDBC"},
            new String[] {"org.springframework.", "Spring (web, AOP, events)"},
            new String[] {"org.apache.catalina.", "Tomcat"},
            new String[] {"org.apache.coyote.", "Tomcat"},
            new String[] {"org.apache.tomcat.", "Tomcat"},
            new String[] {"ch.qos.logback.", "logging"},
            new String[] {"org.slf4j.", "logging"},
            new String[] {"org.qingnuan.", "Qingnuan code itself"});
    private static final List<String> CRYPTO = List.of("com.sun.crypto.", "javax.crypto.", "sun.security.");
    private static final List<String> JDK = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.");

    private final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    private final long intervalMillis;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Map<String, Long> byLibrary = new HashMap<>();
    private final Map<String, Long> byMethod = new HashMap<>();
    private long busySamples;
    private long idleSamples;
    private long rounds;

    WallClockProfile(long intervalMillis) {
        this.intervalMillis = intervalMillis;
    }

    void stop() {
        running.set(false);
    }

    @Override
    public void run() {
        long[] workers = new long[0];
        long refreshed = 0;
        while (running.get()) {
            if (System.nanoTime() - refreshed > 1_000_000_000L) {
                workers = workers();
                refreshed = System.nanoTime();
            }
            ThreadInfo[] infos = mx.getThreadInfo(workers, 256);
            rounds++;
            for (ThreadInfo info : infos) {
                if (info != null) {
                    sample(info);
                }
            }
            try {
                Thread.sleep(intervalMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private long[] workers() {
        long[] ids = mx.getAllThreadIds();
        ThreadInfo[] infos = mx.getThreadInfo(ids, 0);
        return Arrays.stream(infos).filter(i -> i != null && i.getThreadName().matches("http-nio-.*-exec-\\d+"))
                .mapToLong(ThreadInfo::getThreadId).toArray();
    }

    private void sample(ThreadInfo info) {
        StackTraceElement[] stack = info.getStackTrace();
        String library = null;
        for (StackTraceElement frame : stack) {
            String cls = frame.getClassName();
            if (library == null && CRYPTO.stream().anyMatch(cls::startsWith)) {
                library = "JDK crypto (AES-GCM, SHA-256, SecureRandom)";
            }
            if (JDK.stream().anyMatch(cls::startsWith)) {
                continue;
            }
            if (cls.startsWith("org.apache.tomcat.util.threads.TaskQueue")) {
                idleSamples++;
                return;
            }
            if (library == null) {
                library = LIBRARIES.stream().filter(l -> cls.startsWith(l[0])).map(l -> l[1]).findFirst()
                        .orElse("other (" + cls + ")");
                if (library.startsWith("WeChat") && (contains(stack, "org.apache.http.pool.AbstractConnPool")
                        || contains(stack, "org.apache.hc.core5.pool."))) {
                    library = "WeChat HTTP: waiting for a pooled connection of WxJava's client";
                }
                if (library.equals("JSqlParser")) {
                    library = info.getThreadState() == Thread.State.RUNNABLE
                            ? "JSqlParser: parsing/printing SQL on the request thread (DataPermissionInterceptor)"
                            : "JSqlParser: waiting for MyBatis-Plus's parser pool (JsqlParserGlobal executor)";
                }
                if (library.startsWith("Redis") && contains(stack, "cn.binarywang.")) {
                    library = "Redis via Redisson, for WxJava's access token";
                }
                if (library.startsWith("MariaDB") && contains(stack, "getConnection")) {
                    library = "MariaDB driver (taking/returning a connection)";
                }
            }
            break;
        }
        if (library == null) {
            library = "JDK only";
        }
        busySamples++;
        byLibrary.merge(library, 1L, Long::sum);
        byMethod.merge(nearestQingnuanMethod(stack), 1L, Long::sum);
    }

    private static boolean contains(StackTraceElement[] stack, String text) {
        for (StackTraceElement frame : stack) {
            if (frame.getClassName().contains(text) || frame.getMethodName().contains(text)) {
                return true;
            }
        }
        return false;
    }

    private static String nearestQingnuanMethod(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            String cls = frame.getClassName();
            if (cls.startsWith("org.qingnuan.") && !cls.startsWith("org.qingnuan.bench.") && !cls.contains("$$")) {
                return cls.substring("org.qingnuan.".length()).replaceAll("\\$\\$Lambda.*", "") + "." + frame.getMethodName();
            }
        }
        return "(no Qingnuan frame: Tomcat, Spring MVC, filters, JSON)";
    }

    void print(PrintStream out) {
        out.printf("  %d rounds, %d busy and %d idle worker samples (idle: waiting for a request)%n", rounds, busySamples, idleSamples);
        out.println("  Where a request thread spends its wall time, by library (innermost non-JDK frame):");
        table(out, byLibrary, 16);
        out.println("  ... and by the nearest Qingnuan method on the stack:");
        table(out, byMethod, 16);
    }

    private void table(PrintStream out, Map<String, Long> counts, int limit) {
        counts.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(limit)
                .forEach(e -> out.printf("    %5.1f%%  %s%n", 100.0 * e.getValue() / Math.max(1, busySamples), e.getKey()));
    }
}
