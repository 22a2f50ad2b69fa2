package org.qingnuan.registry;

/** Coarse age, enough for matching without a birth date. */
public enum AgeBand {
    INFANT("0–2 岁"),
    PRESCHOOL("3–6 岁"),
    PRIMARY("7–12 岁"),
    SECONDARY("13–18 岁"),
    ADULT("19–59 岁"),
    SENIOR("60–79 岁"),
    ELDERLY("80 岁及以上");

    private final String label;

    AgeBand(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The constant whose Chinese label or name is {@code text}, or {@code null}. */
    public static AgeBand fromLabel(String text) {
        for (AgeBand value : values()) {
            if (value.label.equals(text) || value.name().equals(text)) {
                return value;
            }
        }
        return null;
    }
}
