package org.qingnuan.storage;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The argument rules every {@link PhotoStorage} applies, as OSS would: a valid key, a positive lifetime, a real policy. */
final class PolicyArguments {

    /** OSS's limit on object key length, in UTF-8 bytes. */
    private static final int MAX_KEY_BYTES = 1023;

    private PolicyArguments() {
    }

    static void checkPolicy(String key, String contentType, long maxBytes, Duration ttl) {
        checkKey(key);
        if (contentType == null || contentType.isBlank()) {
            throw new IllegalArgumentException("contentType is required");
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be at least 1");
        }
        checkTtl(ttl);
    }

    static void checkKey(String key) {
        if (key == null || key.isBlank() || key.startsWith("/") || key.startsWith("\\")
                || key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            throw new IllegalArgumentException("not a valid OSS object key");
        }
    }

    static void checkTtl(Duration ttl) {
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive");
        }
    }
}
