package org.qingnuan.registry;

/** A family member's relation to the medical worker. */
public enum Relation {
    PARENT("父母"),
    PARENT_IN_LAW("公婆/岳父母"),
    SPOUSE("配偶"),
    CHILD("子女"),
    GRANDPARENT("祖父母"),
    SIBLING("兄弟姐妹"),
    OTHER("其他");

    private final String label;

    Relation(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The constant whose Chinese label or name is {@code text}, or {@code null}. */
    public static Relation fromLabel(String text) {
        for (Relation value : values()) {
            if (value.label.equals(text) || value.name().equals(text)) {
                return value;
            }
        }
        return null;
    }
}
