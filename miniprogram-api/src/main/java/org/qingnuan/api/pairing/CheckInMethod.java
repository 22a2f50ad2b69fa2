package org.qingnuan.api.pairing;

import org.qingnuan.api.Labelled;

public enum CheckInMethod implements Labelled {
    PHONE("电话"),
    VIDEO("视频"),
    VISIT("上门");

    private final String label;

    CheckInMethod(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
