package org.qingnuan.testing;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Phones, addresses and ID numbers the tests sent, for the log scan at the end of the run. */
public final class PersonalDataUsed {

    private static final Set<String> VALUES = ConcurrentHashMap.newKeySet();

    private PersonalDataUsed() {
    }

    public static String note(String value) {
        VALUES.add(value);
        return value;
    }

    public static Set<String> all() {
        return Set.copyOf(VALUES);
    }
}
