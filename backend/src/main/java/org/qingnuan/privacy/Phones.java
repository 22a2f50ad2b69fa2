package org.qingnuan.privacy;

import java.util.regex.Pattern;

/** Phone numbers as people write them, and as they are compared. */
public final class Phones {

    /** A mainland mobile (11 digits from 13–19) or a landline with area code, e.g. 020-87654321. */
    public static final String PATTERN = "^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})$";
    private static final Pattern VALID = Pattern.compile(PATTERN);

    private Phones() {
    }

    /** Strips spaces, dashes and a +86 prefix: the form that is validated, stored and indexed. */
    public static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        String digits = raw.replaceAll("[\\s\\-()（）]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        }
        return digits;
    }

    public static boolean isValid(String normalised) {
        return normalised != null && VALID.matcher(normalised).matches();
    }
}
