package org.qingnuan.prompt;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a team lead's plain-language message — "需求 N95口罩 200个；防护服 50套；需要心理疏导", but just as well
 * "N95口罩 100个", "报告：护目镜 30副" or "口罩两千只 防护服五十套" — into items: a supply with a quantity (Arabic or
 * Chinese numerals, 一百/两千/3万/1.5万) and a unit where one is given, otherwise a need in words. Readers are people
 * on a phone: separators are whatever they type (；;，,、 and new lines, or just a space between two items), numbers
 * may be written with or without a space, full-width or not, before or after the name.
 *
 * <p>Any message of a bound lead is read (decision 270). A part without a quantity is a need in words only when the
 * message says it is a report (starts with 需求/报需求/申请/报告/上报) or the part itself says so (需要…, 急需…, 缺…);
 * anything else is returned as not understood, so the reply can say which part was not read.
 */
public final class DemandText {

    public enum Kind { SUPPLY, OTHER }

    public record Item(Kind kind, String name, Integer quantity, String unit) {

        public String describe() {
            return kind == Kind.SUPPLY ? name + " " + quantity + (unit == null ? "" : unit) : name;
        }
    }

    /** What a message said: the items understood, and the parts that were not. */
    public record Reading(List<Item> items, List<String> notUnderstood) {
    }

    public static final int MAX_QUANTITY = 9_999_999;

    private static final Pattern PREFIX = Pattern.compile("^\\s*(需求|报需求|申请|报告|上报)\\s*[:：]?\\s*");
    /** A label before a colon ("今日需求：", "三队物资清单："): not part of the first item ("口罩：100个" is one). */
    private static final Pattern LABEL = Pattern.compile("^[^:：\\d]{0,8}(需求|报告|上报|清单|物资)\\s*[:：]\\s*");
    private static final Pattern SEPARATORS = Pattern.compile("[；;，,、。\\n\\r]+");
    private static final Pattern NEED_WORDS = Pattern.compile("^(需要|急需|还需|缺少|缺|希望|请求|请帮|求助|申请)");
    private static final Pattern NAME_VERBS = Pattern.compile("^(还需要|还需|需要|急需|缺少|缺|要|申请)\\s*");
    private static final String UNITS = "公斤|千克|个|只|副|箱|件|瓶|套|盒|双|台|包|支|把|份|袋|桶|片|卷|顶|条|张|斤|升|罐|根|块|本|辆|吨|枚|粒|组|批";
    private static final String CHINESE_NUMBER = "[零〇一二两三四五六七八九十百千万]+";
    private static final String ARABIC_NUMBER = "\\d{1,7}(?:\\.\\d{1,2})?[万千百]?";
    /**
     * A quantity: a number not glued to a Latin letter or digit before it ("N95" is a name), then a unit, or the end
     * of the part, or a space (so "一次性手套" and "3M口罩" keep their numbers in the name).
     */
    private static final Pattern QUANTITY = Pattern.compile("(?<![A-Za-z0-9.])[x×*]?\\s*(" + ARABIC_NUMBER + "|" + CHINESE_NUMBER
            + ")\\s*(?:(" + UNITS + ")|(?=\\s|$))");
    /** Messages that belong to another conversation (binding a team or a staff account, saying who one is). */
    private static final Pattern COMMAND = Pattern.compile("^(?:(?:绑定|bind)(?:\\s.*)?|[A-Za-z0-9]{8}|\\d{6}|我是.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private DemandText() {
    }

    /** Whether a message says it is a report (starts with 需求/报需求/申请/报告/上报). */
    public static boolean isReport(String text) {
        return text != null && PREFIX.matcher(normalise(text)).lookingAt();
    }

    /** Whether a message is a binding code or another command handled elsewhere, never a report. */
    public static boolean isCommand(String text) {
        return text != null && COMMAND.matcher(normalise(text).trim()).matches();
    }

    public static List<Item> parse(String text) {
        return read(text).items();
    }

    public static Reading read(String text) {
        List<Item> items = new ArrayList<>();
        List<String> notUnderstood = new ArrayList<>();
        if (text == null) {
            return new Reading(items, notUnderstood);
        }
        String body = normalise(text);
        boolean explicit = PREFIX.matcher(body).lookingAt();
        body = PREFIX.matcher(body).replaceFirst("");
        body = LABEL.matcher(body).replaceFirst("");
        for (String part : SEPARATORS.split(body)) {
            String p = part.trim().replaceAll("[!！?？]+$", "").trim();
            if (p.isEmpty()) {
                continue;
            }
            List<Item> supplies = supplies(p);
            if (!supplies.isEmpty()) {
                items.addAll(supplies);
            } else if (explicit || NEED_WORDS.matcher(p).lookingAt()) {
                items.add(new Item(Kind.OTHER, truncate(p), null, null));
            } else {
                notUnderstood.add(truncate(p));
            }
        }
        return new Reading(items, notUnderstood);
    }

    /** The supplies of one part: each quantity with the name before it, or after it ("100个口罩"). */
    private static List<Item> supplies(String part) {
        List<Item> found = new ArrayList<>();
        Matcher m = QUANTITY.matcher(part);
        List<int[]> spans = new ArrayList<>();
        List<Integer> quantities = new ArrayList<>();
        List<String> units = new ArrayList<>();
        while (m.find()) {
            Integer quantity = number(m.group(1));
            if (quantity == null) {
                continue;
            }
            spans.add(new int[] {m.start(), m.end()});
            quantities.add(quantity);
            units.add(m.group(2));
        }
        int consumed = 0;
        for (int i = 0; i < spans.size(); i++) {
            int start = spans.get(i)[0];
            int end = spans.get(i)[1];
            String before = start > consumed ? name(part.substring(consumed, start)) : "";
            consumed = end;
            if (before.isEmpty()) {
                int next = i + 1 < spans.size() ? spans.get(i + 1)[0] : part.length();
                before = name(part.substring(end, next));
                consumed = next;
            }
            if (before.isEmpty()) {
                continue;
            }
            found.add(new Item(Kind.SUPPLY, truncate(before), quantities.get(i), units.get(i)));
        }
        return found;
    }

    private static String name(String raw) {
        String n = raw.trim().replaceAll("^[的：:]+|[的共约：:]+$", "").trim();
        return NAME_VERBS.matcher(n).replaceFirst("").trim();
    }

    /** 200, 1.5万, 3千, 两千, 一百零五, 一千五 (= 1500, as people say it); null when out of range or not a number. */
    static Integer number(String s) {
        long value;
        if (Character.isDigit(s.charAt(0))) {
            char last = s.charAt(s.length() - 1);
            long multiplier = switch (last) {
                case '万' -> 10_000;
                case '千' -> 1_000;
                case '百' -> 100;
                default -> 1;
            };
            String digits = multiplier == 1 ? s : s.substring(0, s.length() - 1);
            value = new java.math.BigDecimal(digits).multiply(java.math.BigDecimal.valueOf(multiplier)).longValue();
        } else {
            value = chinese(s);
        }
        return value < 1 || value > MAX_QUANTITY ? null : (int) value;
    }

    private static long chinese(String s) {
        int wan = s.lastIndexOf('万');
        if (wan >= 0) {
            long high = wan == 0 ? 1 : chinese(s.substring(0, wan));
            String rest = s.substring(wan + 1);
            long low = rest.isEmpty() ? 0 : rest.length() == 1 && digit(rest.charAt(0)) > 0 ? digit(rest.charAt(0)) * 1000L : chinese(rest);
            return high * 10_000 + low;
        }
        long total = 0;
        long pending = -1;
        long lastUnit = 0;
        boolean zero = false;
        for (char c : s.toCharArray()) {
            int d = digit(c);
            if (d >= 0) {
                if (d == 0) {
                    zero = true;
                }
                pending = d;
                continue;
            }
            long unit = switch (c) {
                case '十' -> 10;
                case '百' -> 100;
                case '千' -> 1000;
                default -> 0;
            };
            if (unit == 0) {
                return -1;
            }
            total += (pending < 0 ? 1 : pending) * unit;
            pending = -1;
            lastUnit = unit;
            zero = false;
        }
        if (pending > 0) {
            // 一千五 is 1500 and 三百二 is 320; after a 零 the digit is the ones (一百零五)
            total += lastUnit >= 100 && !zero ? pending * (lastUnit / 10) : pending;
        }
        return total;
    }

    private static int digit(char c) {
        return switch (c) {
            case '零', '〇' -> 0;
            case '一' -> 1;
            case '二', '两' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> -1;
        };
    }

    /** Full-width digits, letters and punctuation as their ASCII forms (NFKC keeps Chinese as it is). */
    private static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC);
    }

    private static String truncate(String s) {
        return s.length() > 64 ? s.substring(0, 64) : s;
    }
}
