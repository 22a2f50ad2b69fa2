package org.qingnuan.api.volunteer;

import org.qingnuan.api.Labelled;

public enum VolunteerStatus implements Labelled {
    PENDING("待审核"),
    APPROVED("已通过"),
    REJECTED("未通过");

    private final String label;

    VolunteerStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
