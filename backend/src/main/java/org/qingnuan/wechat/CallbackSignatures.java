package org.qingnuan.wechat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * What WeChat's server pushes (the official account's callback, the mini-program's message push) are checked with:
 * the same SHA-1 signature over the sorted parts, compared in constant time, and a timestamp no further from ours
 * than the allowed skew (a replayed push is refused).
 */
final class CallbackSignatures {

    private CallbackSignatures() {
    }

    /** sha1(sort(parts)) in lower-case hex: WeChat's {@code signature} and {@code msg_signature}. */
    static String sha1(String... parts) {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the signature given (any case) is the one expected; false for none. */
    static boolean matches(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.toLowerCase().getBytes(StandardCharsets.UTF_8));
    }

    /** @throws CallbackRefused for a missing, malformed or stale timestamp */
    static void requireFresh(Clock clock, Duration maxSkew, String timestamp) {
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException | NullPointerException e) {
            throw new CallbackRefused("bad timestamp");
        }
        if (Math.abs(clock.millis() / 1000 - seconds) > maxSkew.toSeconds()) {
            throw new CallbackRefused("stale timestamp");
        }
    }
}
