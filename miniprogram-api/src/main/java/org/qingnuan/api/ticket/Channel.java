package org.qingnuan.api.ticket;

import org.qingnuan.api.Labelled;

/** Where a request came in. */
public enum Channel implements Labelled {
    MINI_PROGRAM("小程序"),
    HOTLINE_12355("12355 热线"),
    WECHAT_GROUP("微信群"),
    VISIT("走访"),
    /** Created on schedule by the family's standing plan (一家一策). */
    CARE_PLAN("一家一策");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
