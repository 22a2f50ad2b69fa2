package org.qingnuan.api.ticket;

import org.qingnuan.api.Labelled;

/** Why a request ended without being confirmed. */
public enum CloseReason implements Labelled {
    CANCELLED_BY_FAMILY("家属取消"),
    REJECTED_BY_STAFF("工作人员不予受理"),
    DUPLICATE("重复提交"),
    DONE_BY_OTHERS("已由其他渠道解决");

    private final String label;

    CloseReason(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
