package org.qingnuan.api.ticket;

import org.qingnuan.api.Labelled;

/**
 * SUBMITTED → ACCEPTED → OPEN (to volunteers) or DISPATCHED (to a unit) → CLAIMED → IN_PROGRESS →
 * DONE → CONFIRMED. CANCELLED, REJECTED and CLOSED end a request early, with a reason.
 */
public enum TicketStatus implements Labelled {
    SUBMITTED("已提交"),
    ACCEPTED("已受理"),
    OPEN("待志愿者认领"),
    DISPATCHED("已派单"),
    CLAIMED("已认领"),
    IN_PROGRESS("服务中"),
    DONE("已完成待确认"),
    CONFIRMED("已确认"),
    CANCELLED("已取消"),
    REJECTED("未受理"),
    CLOSED("已关闭");

    private final String label;

    TicketStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    public boolean finished() {
        return this == CONFIRMED || this == CANCELLED || this == REJECTED || this == CLOSED;
    }
}
