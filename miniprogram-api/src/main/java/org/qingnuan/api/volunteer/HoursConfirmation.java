package org.qingnuan.api.volunteer;

import org.qingnuan.api.Labelled;

/**
 * Who confirmed the hours of one task, and whether they count. A family's confirmation credits them at once; a task
 * the system confirmed after 72 h without a word from the family waits for a staff check (decision 273).
 */
public enum HoursConfirmation implements Labelled {
    FAMILY("家属确认", true),
    STAFF("工作人员核实", true),
    /** Credited by the 72-hour auto-confirmation before staff checks were required; kept as issued. */
    AUTO("系统自动确认", true),
    PENDING_REVIEW("待工作人员核实", false),
    REJECTED("核实未通过", false);

    private final String label;
    private final boolean counted;

    HoursConfirmation(String label, boolean counted) {
        this.label = label;
        this.counted = counted;
    }

    @Override
    public String label() {
        return label;
    }

    /** Whether these hours count towards the total and the certificate. */
    public boolean counted() {
        return counted;
    }
}
