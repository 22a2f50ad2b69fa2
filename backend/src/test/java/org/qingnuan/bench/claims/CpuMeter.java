package org.qingnuan.bench.claims;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time spent by this JVM (app and clients), by mariadbd and by redis-server, read from /proc, so
 * that a round's cost per operation can be given apart from how busy the machine was. The database
 * and Redis are shared with whatever else runs on the machine: their figures include that.
 */
final class CpuMeter {

    private static final long TICKS_PER_SECOND = 100;
    private final List<Long> mariadb = pids("mariadbd", "mysqld");
    private final List<Long> redis = pids("redis-server");

    /** CPU milliseconds: this JVM, mariadbd, redis-server, and this JVM's JIT compiler threads (part of the JVM's). */
    long[] now() {
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
        return new long[]{jvm, ticks(mariadb) * 1000 / TICKS_PER_SECOND, ticks(redis) * 1000 / TICKS_PER_SECOND,
                compilerTicks() * 1000 / TICKS_PER_SECOND};
    }

    /** CPU ticks of this JVM's JIT compiler threads (C1/C2 "CompilerThre…"; ended ones are no longer counted). */
    private static long compilerTicks() {
        long total = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    if (Files.readString(task.resolve("comm")).contains("Compiler")) {
                        String stat = Files.readString(task.resolve("stat"));
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        total += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                } catch (IOException | RuntimeException gone) {
                    // thread ended meanwhile
                }
            }
        } catch (IOException e) {
            // no /proc
        }
        return total;
    }

    private static long ticks(List<Long> pids) {
        long total = 0;
        for (long pid : pids) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                total += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
            } catch (IOException | RuntimeException gone) {
                // process ended or unreadable
            }
        }
        return total;
    }

    private static List<Long> pids(String... names) {
        List<Long> found = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.filter(p -> p.getFileName().toString().matches("\\d+")).forEach(p -> {
                try {
                    String comm = Files.readString(p.resolve("comm")).trim();
                    for (String name : names) {
                        if (comm.equals(name)) {
                            found.add(Long.parseLong(p.getFileName().toString()));
                        }
                    }
                } catch (IOException | RuntimeException gone) {
                    // ended meanwhile
                }
            });
        } catch (IOException e) {
            // no /proc: no figures
        }
        return found;
    }
}
