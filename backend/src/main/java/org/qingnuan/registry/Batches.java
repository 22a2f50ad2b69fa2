package org.qingnuan.registry;

/** Batch numbers as the league writes them: 第一批, 第二批 … */
public final class Batches {

    private static final String DIGITS = "零一二三四五六七八九十";

    private Batches() {
    }

    public static String label(Integer batch) {
        if (batch == null) {
            return null;
        }
        if (batch <= 10) {
            return "第" + DIGITS.charAt(batch) + "批";
        }
        if (batch < 20) {
            return "第十" + DIGITS.charAt(batch - 10) + "批";
        }
        return "第" + batch + "批";
    }

    /** Reads 第一批, 第1批, 1 or 一; {@code null} when it is none of those. */
    public static Integer parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        if (t.startsWith("第")) {
            t = t.substring(1);
        }
        if (t.endsWith("批")) {
            t = t.substring(0, t.length() - 1);
        }
        if (t.matches("\\d{1,3}")) {
            int n = Integer.parseInt(t);
            return n >= 1 ? n : null;
        }
        for (int n = 1; n < 100; n++) {
            if (label(n).equals("第" + t + "批")) {
                return n;
            }
        }
        return null;
    }
}
