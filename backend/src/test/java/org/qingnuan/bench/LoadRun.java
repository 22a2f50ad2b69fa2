package org.qingnuan.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one operation from a fixed number of client threads, each in a closed loop (the next call as
 * soon as the previous one answered), and records the latency of every call.
 */
final class LoadRun {

    /** One call by one client; answers the HTTP status (or {@link #OK} for a non-HTTP operation). */
    @FunctionalInterface
    interface Operation {
        int call(int client) throws Exception;
    }

    static final int OK = 0;
    /** What an exception counts as. */
    static final int FAILED = -1;

    /**
     * @param name        what the figures are of
     * @param count       calls made (all of them, whatever they answered)
     * @param wallNanos   from the start of the first call to the end of the last
     * @param statuses    calls by answer
     * @param latencies   every call's latency in nanoseconds, sorted
     * @param firstFailure the first unexpected answer or exception, for the report
     */
    record Result(String name, long count, long wallNanos, Map<Integer, Long> statuses, long[] latencies,
                  String firstFailure) {

        double perSecond() {
            return count / (wallNanos / 1e9);
        }

        long succeeded(int expected) {
            return statuses.getOrDefault(expected, 0L);
        }

        /** Nearest-rank percentile in milliseconds. */
        double percentileMillis(double p) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100.0 * latencies.length);
            return latencies[Math.max(0, Math.min(latencies.length - 1, rank - 1))] / 1e6;
        }

        double maxMillis() {
            return latencies.length == 0 ? Double.NaN : latencies[latencies.length - 1] / 1e6;
        }

        double meanMillis() {
            return latencies.length == 0 ? Double.NaN : Arrays.stream(latencies).average().orElse(0) / 1e6;
        }
    }

    private LoadRun() {
    }

    /** {@code count} calls in all (clients take the next one while any is left), or until {@code limit} passed. */
    static Result run(String name, int clients, long count, Duration limit, int expected, Operation operation)
            throws InterruptedException {
        AtomicLong left = new AtomicLong(count);
        long deadline = System.nanoTime() + limit.toNanos();
        return drive(name, clients, expected, operation, () -> left.getAndDecrement() > 0 && System.nanoTime() < deadline);
    }

    /** As many calls as the clients make in {@code duration}. */
    static Result runFor(String name, int clients, Duration duration, int expected, Operation operation)
            throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        return drive(name, clients, expected, operation, () -> System.nanoTime() < deadline);
    }

    @FunctionalInterface
    private interface Permit {
        boolean next();
    }

    private static Result drive(String name, int clients, int expected, Operation operation, Permit permit)
            throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(clients);
        long[][] perClient = new long[clients][];
        int[] perClientCount = new int[clients];
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        AtomicLong lastEnd = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                long[] latencies = new long[4096];
                int n = 0;
                Map<Integer, Long> mine = new TreeMap<>();
                ready.countDown();
                try {
                    go.await();
                    while (permit.next()) {
                        int status;
                        long start = System.nanoTime();
                        try {
                            status = operation.call(client);
                        } catch (Exception e) {
                            status = FAILED;
                            firstFailure.compareAndSet(null, e.toString());
                        }
                        long took = System.nanoTime() - start;
                        if (n == latencies.length) {
                            latencies = Arrays.copyOf(latencies, n * 2);
                        }
                        latencies[n++] = took;
                        mine.merge(status, 1L, Long::sum);
                        if (status != expected && status != FAILED) {
                            firstFailure.compareAndSet(null, "status " + status);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    lastEnd.accumulateAndGet(System.nanoTime(), Math::max);
                    perClient[client] = latencies;
                    perClientCount[client] = n;
                    mine.forEach((status, calls) -> statuses.merge(status, calls, Long::sum));
                    done.countDown();
                }
            }, "bench-client-" + c);
            threads.add(thread);
            thread.start();
        }
        ready.await();
        long start = System.nanoTime();
        go.countDown();
        done.await();
        long wall = lastEnd.get() - start;
        int total = Arrays.stream(perClientCount).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(perClient[c], 0, all, at, perClientCount[c]);
            at += perClientCount[c];
        }
        Arrays.sort(all);
        return new Result(name, total, wall, new TreeMap<>(statuses), all, firstFailure.get());
    }
}
