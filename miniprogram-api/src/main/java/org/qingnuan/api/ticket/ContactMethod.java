package org.qingnuan.api.ticket;

import org.qingnuan.api.Labelled;

/** How the family wants to be contacted about the request. */
public enum ContactMethod implements Labelled {
    PHONE_CALL("电话"),
    TEXT_MESSAGE("短信"),
    WECHAT("微信"),
    /** Do not call: write in the mini-program only (night shifts, sleeping children). */
    IN_APP_ONLY("仅在小程序内联系");

    private final String label;

    ContactMethod(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
