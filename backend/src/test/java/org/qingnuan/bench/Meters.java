package org.qingnuan.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where the time of a phase went: CPU of the machine, of this JVM by thread group, of MariaDB and
 * Redis (from /proc), and what MariaDB and Redis were asked (their global counters). The counters
 * are server-wide: anything else using the same servers meanwhile is counted too.
 */
final class Meters {

    /** USER_HZ of /proc: 100 on every Linux the project runs on. */
    private static final double TICKS_PER_SECOND = 100.0;
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final List<String> MARIADB_COUNTERS = List.of("Questions", "Com_select", "Com_insert", "Com_update",
            "Com_delete", "Com_commit", "Com_rollback", "Com_set_option", "Com_begin", "Handler_commit",
            "Innodb_rows_inserted", "Innodb_os_log_fsyncs", "Innodb_data_fsyncs", "Innodb_row_lock_waits",
            "Innodb_row_lock_time", "Bytes_received", "Bytes_sent");

    private static final String JSQLPARSER_POOL = "MyBatis-Plus JSqlParser pool threads";
    private static final List<String> BENCHMARK_SIDE = List.of("benchmark client threads", "JDK HttpClient of the benchmark",
            "WeChat/OSS stubs (JDK HttpServer)", "benchmark monitors");

    record Snapshot(long nanos, Map<String, Long> mariadb, Map<String, Long> redisCalls, long systemBusyTicks,
                    long systemTotalTicks, Map<String, Long> processTicks, long jvmCpuNanos,
                    Map<String, Long> threadCpuNanos, long gcMillis, long gcCount, long jitMillis) {
    }

    private final Supplier<Connection> mariadb;
    private final String redisHost;
    private final int redisPort;
    private final Map<String, List<Long>> processes = new LinkedHashMap<>();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    Meters(Supplier<Connection> mariadb, String redisHost, int redisPort) {
        this.mariadb = mariadb;
        this.redisHost = redisHost;
        this.redisPort = redisPort;
        processes.put("mariadbd", pids(comm -> comm.equals("mariadbd") || comm.equals("mysqld"), null));
        processes.put("redis-server", pids(comm -> comm.equals("redis-server"), ":" + redisPort));
    }

    /** Which processes count as MariaDB and Redis, for the report. */
    String describeProcesses() {
        StringBuilder text = new StringBuilder();
        processes.forEach((name, pids) -> text.append(name).append(" pid ").append(pids.isEmpty() ? "(not found)" : pids).append("; "));
        return text.toString();
    }

    Snapshot take() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        processes.forEach((name, pids) -> ticks.put(name, pids.stream().mapToLong(Meters::processTicks).sum()));
        long[] system = systemTicks();
        long gcMillis = 0;
        long gcCount = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcMillis += Math.max(0, gc.getCollectionTime());
            gcCount += Math.max(0, gc.getCollectionCount());
        }
        java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long jitMillis = jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
        return new Snapshot(System.nanoTime(), mariadbCounters(), redisCalls(), system[0], system[1], ticks,
                jvmCpuNanos(), threadCpu(), gcMillis, gcCount, jitMillis);
    }

    void print(PrintStream out, Snapshot a, Snapshot b, long requests, int cores) {
        double wall = (b.nanos() - a.nanos()) / 1e9;
        double busy = (b.systemBusyTicks() - a.systemBusyTicks()) / TICKS_PER_SECOND;
        double total = (b.systemTotalTicks() - a.systemTotalTicks()) / TICKS_PER_SECOND;
        double jvm = (b.jvmCpuNanos() - a.jvmCpuNanos()) / 1e9;
        out.printf("  CPU over %.1f s of wall time (%d cores: %.1f core-seconds available):%n", wall, cores, total);
        out.printf("    %-46s %8s %7s %14s%n", "", "core-s", "share", "CPU ms/request");
        row(out, "whole machine busy", busy, total, requests);
        row(out, "  this JVM (app + benchmark clients + stubs)", jvm, total, requests);
        Map<String, Long> groups = new TreeMap<>();
        b.threadCpuNanos().forEach((group, nanos) -> groups.put(group, nanos - a.threadCpuNanos().getOrDefault(group, 0L)));
        double threadSum = 0;
        for (Map.Entry<String, Long> e : groups.entrySet().stream()
                .sorted((x, y) -> Long.compare(y.getValue(), x.getValue())).toList()) {
            double seconds = e.getValue() / 1e9;
            threadSum += seconds;
            if (seconds >= 0.05) {
                row(out, "    " + e.getKey(), seconds, total, requests);
            }
        }
        row(out, "    GC, JIT compiler, other VM threads", Math.max(0, jvm - threadSum), total, requests);
        double accounted = jvm;
        double servers = 0;
        for (String name : processes.keySet()) {
            double seconds = (b.processTicks().get(name) - a.processTicks().get(name)) / TICKS_PER_SECOND;
            accounted += seconds;
            servers += seconds;
            row(out, "  " + name, seconds, total, requests);
        }
        row(out, "  everything else on the machine", Math.max(0, busy - accounted), total, requests);
        double benchmarkSide = BENCHMARK_SIDE.stream().mapToLong(g -> groups.getOrDefault(g, 0L)).sum() / 1e9;
        double serverSide = jvm - benchmarkSide + servers;
        if (requests > 0 && serverSide > 0) {
            out.printf("    serving side (JVM minus benchmark clients and stubs, plus MariaDB and Redis): %.2f ms CPU per call;%n"
                    + "    with the machine to itself that allows at most ~%.0f calls/s on %d cores%n",
                    1000 * serverSide / requests, cores * requests / serverSide, cores);
        }
        long parser = groups.getOrDefault(JSQLPARSER_POOL, 0L);
        if (requests > 0 && parser > 0) {
            out.printf("    the JSqlParser pool alone (%d thread(s), %.2f ms CPU per call) allows at most ~%.0f calls/s%n",
                    parserThreads(), parser / 1e6 / requests, parserThreads() * requests / (parser / 1e9));
        }
        out.printf("    GC: %d collections, %d ms of pauses in total; JIT compilation: %.1f s (%.2f ms per call)%n",
                b.gcCount() - a.gcCount(), b.gcMillis() - a.gcMillis(), (b.jitMillis() - a.jitMillis()) / 1e3,
                requests > 0 ? (b.jitMillis() - a.jitMillis()) / (double) requests : 0);

        out.println("  MariaDB global counters per request (server-wide):");
        StringBuilder line = new StringBuilder("   ");
        for (String counter : MARIADB_COUNTERS) {
            Long before = a.mariadb().get(counter);
            Long after = b.mariadb().get(counter);
            if (before != null && after != null) {
                line.append(String.format(" %s %.2f;", counter, (after - before) / (double) requests));
                if (line.length() > 100) {
                    out.println(line);
                    line = new StringBuilder("   ");
                }
            }
        }
        if (line.length() > 3) {
            out.println(line);
        }

        Map<String, Long> redis = new TreeMap<>();
        b.redisCalls().forEach((command, calls) -> {
            long delta = calls - a.redisCalls().getOrDefault(command, 0L);
            if (delta > 0) {
                redis.put(command, delta);
            }
        });
        long redisTotal = redis.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder commands = new StringBuilder();
        redis.entrySet().stream().sorted((x, y) -> Long.compare(y.getValue(), x.getValue())).limit(12)
                .forEach(e -> commands.append(String.format(" %s %.2f;", e.getKey(), e.getValue() / (double) requests)));
        out.printf("  Redis commands per request (server-wide): %.2f in all:%s%n", redisTotal / (double) requests, commands);
    }

    private static void row(PrintStream out, String label, double seconds, double total, long requests) {
        out.printf("    %-46s %8.1f %6.1f%% %14.3f%n", label, seconds, total > 0 ? 100 * seconds / total : 0,
                requests > 0 ? 1000 * seconds / requests : 0);
    }

    private Map<String, Long> mariadbCounters() {
        Map<String, Long> counters = new LinkedHashMap<>();
        try (Connection c = mariadb.get(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS")) {
            while (rs.next()) {
                String name = rs.getString(1);
                if (MARIADB_COUNTERS.stream().anyMatch(name::equalsIgnoreCase)) {
                    try {
                        counters.put(MARIADB_COUNTERS.stream().filter(name::equalsIgnoreCase).findFirst().orElseThrow(),
                                Long.parseLong(rs.getString(2)));
                    } catch (NumberFormatException ignored) {
                        // not a counter
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SHOW GLOBAL STATUS failed: " + e.getMessage(), e);
        }
        return counters;
    }

    private Map<String, Long> redisCalls() {
        Map<String, Long> calls = new LinkedHashMap<>();
        try (RedisWire redis = new RedisWire(redisHost, redisPort, 0)) {
            String info = redis.command("INFO", "commandstats");
            for (String row : info.split("\r\n")) {
                if (row.startsWith("cmdstat_")) {
                    String command = row.substring("cmdstat_".length(), row.indexOf(':'));
                    String fields = row.substring(row.indexOf(':') + 1);
                    for (String field : fields.split(",")) {
                        if (field.startsWith("calls=")) {
                            calls.put(command, Long.parseLong(field.substring("calls=".length())));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Redis INFO failed: " + e.getMessage(), e);
        }
        return calls;
    }

    private long jvmCpuNanos() {
        return processTicks(ProcessHandle.current().pid()) * (long) (1e9 / TICKS_PER_SECOND);
    }

    /** CPU time of the JVM's live threads, summed by a group name (digits taken out). */
    private Map<String, Long> threadCpu() {
        Map<String, Long> groups = new TreeMap<>();
        long[] ids = threads.getAllThreadIds();
        ThreadInfo[] infos = threads.getThreadInfo(ids, 0);
        for (int i = 0; i < ids.length; i++) {
            if (infos[i] == null) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(ids[i]);
            if (cpu > 0) {
                groups.merge(group(infos[i].getThreadName()), cpu, Long::sum);
            }
        }
        return groups;
    }

    static String group(String threadName) {
        String name = DIGITS.matcher(threadName).replaceAll("#");
        if (name.matches("http-nio-.*-exec-#")) {
            return "Tomcat request threads (the application)";
        }
        if (name.startsWith("http-nio-")) {
            return "Tomcat poller/acceptor";
        }
        if (name.startsWith("bench-client-")) {
            return "benchmark client threads";
        }
        if (name.startsWith("HttpClient-")) {
            return "JDK HttpClient of the benchmark";
        }
        if (name.startsWith("pool-#-thread-") || name.equals("HTTP-Dispatcher")) {
            return "WeChat/OSS stubs (JDK HttpServer)";
        }
        if (name.startsWith("mybatis-plus-jsqlParser")) {
            return JSQLPARSER_POOL;
        }
        if (name.startsWith("bench-")) {
            return "benchmark monitors";
        }
        if (name.startsWith("redisson")) {
            return "Redisson (netty threads)";
        }
        if (name.startsWith("HikariPool") || name.startsWith("mariadb")) {
            return "Hikari / MariaDB driver threads";
        }
        return "other Java threads (" + name + ")";
    }

    private static long parserThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("mybatis-plus-jsqlParser")).count();
    }

    private static long[] systemTicks() {
        try {
            String cpu = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = cpu.trim().split("\\s+");
            long user = Long.parseLong(f[1]);
            long nice = Long.parseLong(f[2]);
            long system = Long.parseLong(f[3]);
            long idle = Long.parseLong(f[4]);
            long iowait = Long.parseLong(f[5]);
            long irq = Long.parseLong(f[6]);
            long softirq = Long.parseLong(f[7]);
            long steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
            long busy = user + nice + system + irq + softirq + steal;
            return new long[] {busy, busy + idle + iowait};
        } catch (IOException e) {
            return new long[] {0, 0};
        }
    }

    private static long processTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"), StandardCharsets.UTF_8);
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command: state(0) ppid(1) ... utime(11) stime(12)
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static List<Long> pids(java.util.function.Predicate<String> comm, String cmdlineContains) {
        List<Long> all = new ArrayList<>();
        List<Long> matching = new ArrayList<>();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    if (comm.test(Files.readString(entry.resolve("comm")).trim())) {
                        long pid = Long.parseLong(name);
                        all.add(pid);
                        String cmdline = new String(Files.readAllBytes(entry.resolve("cmdline")), StandardCharsets.UTF_8);
                        if (cmdlineContains != null && cmdline.contains(cmdlineContains)) {
                            matching.add(pid);
                        }
                    }
                } catch (IOException | RuntimeException ignored) {
                    // gone meanwhile
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return matching.isEmpty() ? all : matching;
    }
}
