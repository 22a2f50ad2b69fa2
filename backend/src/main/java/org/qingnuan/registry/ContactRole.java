package org.qingnuan.registry;

/** Role of a team contact. */
public enum ContactRole {
    LEAD("领队"),
    LIAISON("联络员");

    private final String label;

    ContactRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The constant whose Chinese label or name is {@code text}, or {@code null}. */
    public static ContactRole fromLabel(String text) {
        for (ContactRole value : values()) {
            if (value.label.equals(text) || value.name().equals(text)) {
                return value;
            }
        }
        return null;
    }
}
