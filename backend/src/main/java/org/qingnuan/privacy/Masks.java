package org.qingnuan.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How personal data looks in lists and exports until someone entitled reveals it. */
public final class Masks {

    private static final String STARS = "****";
    /** The administrative part of an address: province/city/district or county, e.g. 广东省广州市天河区. */
    private static final Pattern REGION = Pattern.compile("^(.{0,8}?省)?(.{0,8}?(市|自治州|地区|盟))?(.{0,8}?(区|县|市|旗))?");

    private Masks() {
    }

    /** 13812341234 → 138****1234; 020-87654321 → 020****4321. */
    public static String phone(String phone) {
        if (phone == null || phone.isEmpty()) {
            return phone;
        }
        if (phone.length() < 7) {
            return STARS;
        }
        return phone.substring(0, 3) + STARS + phone.substring(phone.length() - 4);
    }

    /** 广州市天河区天河路 1 号 3 栋 → 广州市天河区****: the district stays, the rest goes. */
    public static String address(String address) {
        if (address == null || address.isEmpty()) {
            return address;
        }
        Matcher m = REGION.matcher(address);
        String region = m.find() ? m.group() : "";
        if (region.isEmpty() || region.length() >= address.length()) {
            region = address.substring(0, Math.min(3, address.length() / 2));
        }
        return region + STARS;
    }

    /** 23.135421 → 23.14: about a kilometre, enough to see the district, not the door. */
    public static java.math.BigDecimal coordinate(java.math.BigDecimal value) {
        return value == null ? null : value.setScale(2, java.math.RoundingMode.HALF_UP);
    }

    /** 440106199001011234 → 4401**********1234. */
    public static String idNumber(String id) {
        if (id == null || id.length() < 8) {
            return id == null ? null : STARS;
        }
        return id.substring(0, 4) + "*".repeat(id.length() - 8) + id.substring(id.length() - 4);
    }

    /** 张三丰 → 张*丰, 李四 → 李*: for people other than the registered worker (family members). */
    public static String name(String name) {
        if (name == null || name.length() < 2) {
            return name;
        }
        if (name.length() == 2) {
            return name.charAt(0) + "*";
        }
        return name.charAt(0) + "*".repeat(name.length() - 2) + name.charAt(name.length() - 1);
    }
}
