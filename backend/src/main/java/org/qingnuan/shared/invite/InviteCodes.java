package org.qingnuan.shared.invite;

import java.security.SecureRandom;

/**
 * Codes people read out over the phone and type on a phone: upper-case letters and digits without
 * the look-alikes (0/O, 1/I/L). Team codes have 8 characters and family codes 10, so a code alone
 * says which kind it is.
 */
public final class InviteCodes {

    public static final int TEAM_LENGTH = 8;
    public static final int FAMILY_LENGTH = 10;

    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private InviteCodes() {
    }

    public static String next(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
