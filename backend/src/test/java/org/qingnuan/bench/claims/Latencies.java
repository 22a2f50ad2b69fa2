package org.qingnuan.bench.claims;

import java.util.Arrays;

/** Latencies in nanoseconds, one recorder per client thread, merged for percentiles (nearest rank). */
public final class Latencies {

    private long[] values = new long[1024];
    private int size;

    public void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    public void addAll(Latencies other) {
        for (int i = 0; i < other.size; i++) {
            add(other.values[i]);
        }
    }

    public int count() {
        return size;
    }

    /** Percentiles in milliseconds: p50, p90, p99, max. */
    public double[] summaryMs() {
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        return new double[]{rank(sorted, 0.50), rank(sorted, 0.90), rank(sorted, 0.99), size == 0 ? 0 : sorted[size - 1] / 1e6};
    }

    private static double rank(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }
}
