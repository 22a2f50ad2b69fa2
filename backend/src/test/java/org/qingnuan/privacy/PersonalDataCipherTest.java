package org.qingnuan.privacy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataCipherTest {

    static final String K1 = "Lkm6SwALvbOpmVm26TMCeGrTEik2oQ1zU/zEOYLjPjU=";
    static final String K2 = "iGW6Shp5G2X9WIFWfuEZHZN9XtqsmD8w53miMRiaa6Q=";
    static final String INDEX = "+vgAYyxp2S51NEQphO/CQ1hdVsvo7DOMeWLIJrSjCDs=";

    @Test
    void shouldSealWithTheActiveKeyAndOpenAgain() {
        PersonalDataCipher cipher = new PersonalDataCipher(new CryptoProperties("k1", "k1:" + K1, INDEX));
        String sealed = cipher.seal("广州市天河区天河路 385 号");
        assertThat(sealed).startsWith("k1:").doesNotContain("天河");
        assertThat(cipher.open(sealed)).isEqualTo("广州市天河区天河路 385 号");
        assertThat(cipher.seal("13812341234")).as("fresh IV each time").isNotEqualTo(cipher.seal("13812341234"));
        assertThat(cipher.seal(null)).isNull();
        assertThat(cipher.open(null)).isNull();
    }

    @Test
    void shouldKeepOpeningValuesOfARetiredKeyAfterRotation() {
        PersonalDataCipher before = new PersonalDataCipher(new CryptoProperties("k1", "k1:" + K1, INDEX));
        String old = before.seal("13812341234");
        PersonalDataCipher after = new PersonalDataCipher(new CryptoProperties("k2", "k1:" + K1 + ",k2:" + K2, INDEX));

        assertThat(after.open(old)).isEqualTo("13812341234");
        assertThat(after.seal("13812341234")).startsWith("k2:");
        assertThat(after.blindIndex("13812341234")).as("the index does not depend on the data key")
                .isEqualTo(before.blindIndex("13812341234"));
    }

    @Test
    void shouldRefuseTamperedValuesAndUnknownKeys() {
        PersonalDataCipher cipher = new PersonalDataCipher(new CryptoProperties("k1", "k1:" + K1 + ",k2:" + K2, INDEX));
        String sealed = cipher.seal("13812341234");
        String relabelled = "k2" + sealed.substring(2);
        assertThatThrownBy(() -> cipher.open(relabelled)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.open("k9:" + sealed.substring(3))).isInstanceOf(IllegalStateException.class);
        char[] chars = sealed.toCharArray();
        chars[10] = chars[10] == 'A' ? 'B' : 'A';
        assertThatThrownBy(() -> cipher.open(new String(chars))).isInstanceOf(IllegalStateException.class);
        // the thread's cipher is reused: a refused value leaves nothing behind for the next one
        assertThat(cipher.open(sealed)).isEqualTo("13812341234");
        assertThat(cipher.open(cipher.seal("广州"))).isEqualTo("广州");
    }

    @Test
    void shouldOpenWhatAnotherThreadSealedWhileThreadsShareTheCipher() throws Exception {
        PersonalDataCipher cipher = new PersonalDataCipher(new CryptoProperties("k1", "k1:" + K1, INDEX));
        java.util.List<java.util.concurrent.Callable<Boolean>> work = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String plain = "地址 " + i;
            work.add(() -> {
                for (int n = 0; n < 500; n++) {
                    if (!plain.equals(cipher.open(cipher.seal(plain)))) {
                        return false;
                    }
                }
                return true;
            });
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            for (java.util.concurrent.Future<Boolean> f : pool.invokeAll(work)) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldRefuseToStartWithoutKeys() {
        assertThatThrownBy(() -> new PersonalDataCipher(new CryptoProperties(null, null, null)))
                .hasMessageContaining("QN_CRYPTO_KEYS");
        assertThatThrownBy(() -> new PersonalDataCipher(new CryptoProperties("k1", "k1:c2hvcnQ=", INDEX)))
                .hasMessageContaining("32 bytes");
    }

    @Test
    void shouldGiveEqualPhonesEqualBlindIndexes() {
        PersonalDataCipher cipher = new PersonalDataCipher(new CryptoProperties("k1", "k1:" + K1, INDEX));
        assertThat(cipher.blindIndex(Phones.normalise("+86 138-1234-1234")))
                .isEqualTo(cipher.blindIndex("13812341234"))
                .hasSize(64)
                .isNotEqualTo(cipher.blindIndex("13812341235"));
    }
}
