package org.qingnuan.api.error;

/**
 * A stable, machine-readable failure reason. Every feature keeps its own enum implementing this
 * interface; {@link #name()} is what clients receive as {@code code}, so constants are never renamed.
 */
public interface ErrorCode {

    /** Stable identifier sent to clients, e.g. {@code VALIDATION_FAILED}. */
    String name();

    /** HTTP status the failure is answered with. */
    int httpStatus();

    /** Default Chinese message, phrased so that the person reading it knows what to do next. */
    String message();
}
