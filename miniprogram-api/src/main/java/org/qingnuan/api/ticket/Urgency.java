package org.qingnuan.api.ticket;

import org.qingnuan.api.Labelled;

public enum Urgency implements Labelled {
    NORMAL("一般"),
    URGENT("紧急"),
    /** Danger to life or health now: never waits in a queue. */
    CRISIS("危急");

    private final String label;

    Urgency(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
