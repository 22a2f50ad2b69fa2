package org.qingnuan.api.pairing;

public enum CheckInMethod {
    PHONE("电话"),
    VIDEO("视频"),
    VISIT("上门");

    private final String label;

    CheckInMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
