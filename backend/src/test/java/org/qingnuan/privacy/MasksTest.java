package org.qingnuan.privacy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MasksTest {

    @Test
    void shouldMaskPhonesAsTheLeagueWritesThem() {
        assertThat(Masks.phone("13812341234")).isEqualTo("138****1234");
        assertThat(Masks.phone("020-87654321")).isEqualTo("020****4321");
        assertThat(Masks.phone(null)).isNull();
        assertThat(Masks.phone("12345")).isEqualTo("****");
    }

    @Test
    void shouldKeepTheDistrictOfAnAddressOnly() {
        assertThat(Masks.address("广州市天河区天河路385号3栋")).isEqualTo("广州市天河区****");
        assertThat(Masks.address("广东省深圳市南山区科技园南路 8 号")).isEqualTo("广东省深圳市南山区****");
        assertThat(Masks.address("台山市台城街道环北大道 1 号")).isEqualTo("台山市****");
        assertThat(Masks.address("湖北省武汉市")).doesNotContain("武汉市").endsWith("****");
        assertThat(Masks.address("某小区")).isEqualTo("某****");
    }

    @Test
    void shouldMaskIdNumbersAndNames() {
        assertThat(Masks.idNumber("440106199001011234")).isEqualTo("4401**********1234");
        assertThat(Masks.name("张三丰")).isEqualTo("张*丰");
        assertThat(Masks.name("李四")).isEqualTo("李*");
    }

    @Test
    void shouldNormaliseAndCheckPhones() {
        assertThat(Phones.normalise("+86 138 1234 1234")).isEqualTo("13812341234");
        assertThat(Phones.isValid("13812341234")).isTrue();
        assertThat(Phones.isValid("020-87654321")).isTrue();
        assertThat(Phones.isValid("12812341234")).isFalse();
        assertThat(Phones.isValid("1381234123")).isFalse();
    }
}
