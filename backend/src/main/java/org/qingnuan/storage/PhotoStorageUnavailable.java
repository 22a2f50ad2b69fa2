package org.qingnuan.storage;

/**
 * Photo storage cannot serve the call: OSS is not configured (the embedded default), unreachable,
 * or refused our credentials. Callers answer it with a 503. The message names error codes only —
 * never object keys or signed URLs.
 */
public class PhotoStorageUnavailable extends RuntimeException {

    public PhotoStorageUnavailable(String message) {
        super(message);
    }
}
