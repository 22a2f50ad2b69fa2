package org.qingnuan.api.validation;

/** Regular expressions shared by the contract's {@code @Pattern} constraints. */
public final class Patterns {

    /**
     * Names of people and organisations: letters of any script, digits, spaces and the
     * punctuation real names use ({@code ·} in minority names, brackets and hyphens in unit names).
     * Quotes, semicolons and markup are refused.
     */
    public static final String NAME = "^[\\p{L}\\p{N}][\\p{L}\\p{N} ·()（）\\-_.]*$";

    /** Login names: ASCII letters, digits, {@code . _ -}, starting with a letter. */
    public static final String USERNAME = "^[A-Za-z][A-Za-z0-9._-]*$";

    private Patterns() {
    }
}
