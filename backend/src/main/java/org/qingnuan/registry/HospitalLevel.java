package org.qingnuan.registry;

/** How a hospital is run; decides the responsible league by default (seed 000). */
public enum HospitalLevel {
    MINISTRY_RUN("部属"),
    PROVINCE_RUN("省属"),
    CITY_RUN("市属"),
    COUNTY_RUN("县（区）属");

    private final String label;

    HospitalLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The constant whose Chinese label or name is {@code text}, or {@code null}. */
    public static HospitalLevel fromLabel(String text) {
        for (HospitalLevel value : values()) {
            if (value.label.equals(text) || value.name().equals(text)) {
                return value;
            }
        }
        return null;
    }
}
