package org.qingnuan.testing;

import java.util.concurrent.ThreadLocalRandom;

/** Made-up but well-formed personal data, remembered for the log scan. */
public final class People {

    private People() {
    }

    public static String mobile() {
        return PersonalDataUsed.note("13" + (5 + ThreadLocalRandom.current().nextInt(5))
                + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)));
    }

    public static String address(String district) {
        return PersonalDataUsed.note(district + "测试路" + ThreadLocalRandom.current().nextInt(1, 999) + "号"
                + ThreadLocalRandom.current().nextInt(1, 30) + "栋" + ThreadLocalRandom.current().nextInt(101, 2999) + "房");
    }

    public static String idNumber() {
        return PersonalDataUsed.note("440106199" + ThreadLocalRandom.current().nextInt(0, 10) + "0101"
                + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000)));
    }
}
