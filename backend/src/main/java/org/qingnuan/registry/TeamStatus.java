package org.qingnuan.registry;

/** Where a medical team is. */
public enum TeamStatus {
    DEPLOYED("在岗"),
    RETURNED("已返回");

    private final String label;

    TeamStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The constant whose Chinese label or name is {@code text}, or {@code null}. */
    public static TeamStatus fromLabel(String text) {
        for (TeamStatus value : values()) {
            if (value.label.equals(text) || value.name().equals(text)) {
                return value;
            }
        }
        return null;
    }
}
