package org.qingnuan.api.volunteer;

public enum VolunteerStatus {
    PENDING("待审核"),
    APPROVED("已通过"),
    REJECTED("未通过");

    private final String label;

    VolunteerStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
