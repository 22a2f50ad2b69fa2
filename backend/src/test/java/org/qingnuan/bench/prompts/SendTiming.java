package org.qingnuan.bench.prompts;

import org.qingnuan.wechat.OfficialAccount;
import org.springframework.beans.factory.config.BeanPostProcessor;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Arrays;

/**
 * Times each {@link OfficialAccount#sendTemplate} call of the application: a bean post-processor,
 * added to the benchmark's contexts only (programmatically, never component-scanned), wraps the
 * bean in a proxy that records how long each call took. The call itself is unchanged.
 */
final class SendTiming implements BeanPostProcessor {

    private static long[] nanos = new long[16_384];
    private static int size;

    static synchronized void reset() {
        size = 0;
    }

    private static synchronized void record(long took) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = took;
    }

    /** count, p50, p90, p99, max in milliseconds. */
    static synchronized double[] summary() {
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        return new double[]{size, rank(sorted, 0.5), rank(sorted, 0.9), rank(sorted, 0.99), size == 0 ? 0 : sorted[size - 1] / 1e6};
    }

    private static double rank(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1))] / 1e6;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof OfficialAccount target)) {
            return bean;
        }
        return Proxy.newProxyInstance(SendTiming.class.getClassLoader(), new Class<?>[]{OfficialAccount.class}, (proxy, method, args) -> {
            boolean timed = method.getName().equals("sendTemplate");
            long t0 = System.nanoTime();
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            } finally {
                if (timed) {
                    record(System.nanoTime() - t0);
                }
            }
        });
    }
}
