package org.qingnuan.api;

/**
 * An enum the mini-program shows to people: {@code name()} is the stable code clients send and switch
 * on, {@link #label()} the Chinese text to show. {@code GET /api/mini/dictionaries} lists them all, and
 * validation messages name the labels, never the codes.
 */
public interface Labelled {

    /** Stable code, e.g. {@code MEALS}. */
    String name();

    /** Chinese label, e.g. {@code 送餐}. */
    String label();
}
