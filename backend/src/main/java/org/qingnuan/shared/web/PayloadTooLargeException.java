package org.qingnuan.shared.web;

import java.io.IOException;

/** Raised while reading a request body that grows past the configured limit. */
public class PayloadTooLargeException extends IOException {

    public PayloadTooLargeException() {
        super("request body exceeds the configured limit");
    }
}
