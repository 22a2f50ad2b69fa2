package org.qingnuan.registry;

/** As on the registry form. */
public enum Gender {
    MALE("男"),
    FEMALE("女");

    private final String label;

    Gender(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The constant whose Chinese label or name is {@code text}, or {@code null}. */
    public static Gender fromLabel(String text) {
        for (Gender value : values()) {
            if (value.label.equals(text) || value.name().equals(text)) {
                return value;
            }
        }
        return null;
    }
}
