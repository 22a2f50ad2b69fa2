package org.qingnuan.wechat;

import java.util.function.Supplier;

/**
 * A WeChat client built on first use: most starts (and the embedded default) never call WeChat, and
 * building one reads Redis and configuration. Thread-safe; built once.
 */
final class LazyClient<T> {

    private final Supplier<T> build;
    private volatile T client;

    LazyClient(Supplier<T> build) {
        this.build = build;
    }

    T get() {
        T built = client;
        if (built == null) {
            synchronized (this) {
                if (client == null) {
                    client = build.get();
                }
                built = client;
            }
        }
        return built;
    }
}
