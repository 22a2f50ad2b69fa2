package org.qingnuan.prompt;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a team lead's plain-language reply — "需求 N95口罩 200个；防护服 50套；需要心理疏导" — into
 * items: a supply with a quantity and unit where one is given, otherwise a need in words. Readers
 * are people on a phone: separators are whatever they type (；;，,、 and new lines), numbers may be
 * written with or without a space.
 */
public final class DemandText {

    public enum Kind { SUPPLY, OTHER }

    public record Item(Kind kind, String name, Integer quantity, String unit) {

        public String describe() {
            return kind == Kind.SUPPLY ? name + " " + quantity + (unit == null ? "" : unit) : name;
        }
    }

    private static final Pattern PREFIX = Pattern.compile("^\\s*(需求|报需求|申请)[:：]?\\s*");
    private static final Pattern SEPARATORS = Pattern.compile("[；;，,、\\n\\r]+");
    private static final Pattern SUPPLY = Pattern.compile(
            "^(.+?)\\s*[x×*]?\\s*(\\d{1,7})\\s*(个|只|套|件|箱|瓶|副|双|台|包|盒|支|把|份|袋|桶|片|卷|顶|条|张|斤|公斤|千克|升)?$");

    private DemandText() {
    }

    /** Whether a message is meant as a report (starts with 需求/报需求/申请). */
    public static boolean isReport(String text) {
        return text != null && PREFIX.matcher(text).lookingAt();
    }

    public static List<Item> parse(String text) {
        List<Item> items = new ArrayList<>();
        if (text == null) {
            return items;
        }
        String body = PREFIX.matcher(text).replaceFirst("");
        for (String part : SEPARATORS.split(body)) {
            String p = part.trim().replaceAll("[。.!！]+$", "");
            if (p.isEmpty()) {
                continue;
            }
            Matcher m = SUPPLY.matcher(p);
            if (m.matches() && !m.group(1).isBlank()) {
                items.add(new Item(Kind.SUPPLY, truncate(m.group(1).trim()), Integer.valueOf(m.group(2)), m.group(3)));
            } else {
                items.add(new Item(Kind.OTHER, truncate(p), null, null));
            }
        }
        return items;
    }

    private static String truncate(String s) {
        return s.length() > 64 ? s.substring(0, 64) : s;
    }
}
