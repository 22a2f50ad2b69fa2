package org.qingnuan.wechat;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which callback bodies are accepted in which mode (issue 17.3). The HTTP side, with the key the
 * integration tests configure, is {@code OfficialAccountCallbackIT}; the switches are checked here,
 * since each would need an application context of its own.
 */
class OfficialAccountSafeModeTest {

    static final String TOKEN = "safeModeToken";
    static final String AES_KEY = "C7yb8Tsd2PbWfnQMumHUMKUgGjCD4D7LDvbDL32tN0g";
    static final String APP_ID = "wx1234567890abcdef";

    final WechatServerSide wechat = new WechatServerSide(TOKEN, AES_KEY);
    final String xml = WechatServerSide.text("oForged", 42, "绑定 12345678");
    final String ts = String.valueOf(System.currentTimeMillis() / 1000);

    @Test
    void shouldRefuseAPlainMessageWithAValidUrlSignatureWhenAnAesKeyIsConfigured() {
        OfficialAccountCrypto crypto = crypto(AES_KEY, false);

        assertThatThrownBy(() -> crypto.open(xml, ts, "n1", wechat.signature(TOKEN, ts, "n1"), null, null))
                .isInstanceOf(CallbackRefused.class).hasMessageContaining("safe mode");
        assertThatThrownBy(() -> crypto.open(xml, ts, "n1", wechat.signature(TOKEN, ts, "n1"), "raw", null))
                .as("any encrypt_type but aes is plain").isInstanceOf(CallbackRefused.class);
    }

    @Test
    void shouldAcceptTheEncryptedMessageInSafeMode() {
        String encrypt = wechat.encrypt(xml, APP_ID);
        String body = "<xml><Encrypt><![CDATA[" + encrypt + "]]></Encrypt></xml>";

        assertThat(crypto(AES_KEY, false).open(body, ts, "n2", wechat.signature(TOKEN, ts, "n2"), "aes",
                wechat.signature(TOKEN, ts, "n2", encrypt))).isEqualTo(xml);
    }

    @Test
    void shouldAcceptAPlainMessageOnlyWhenCompatibleModeIsSwitchedOnOrNoKeyIsConfigured() {
        assertThat(crypto(AES_KEY, true).open(xml, ts, "n3", wechat.signature(TOKEN, ts, "n3"), null, null))
                .isEqualTo(xml);
        assertThat(crypto("", false).open(xml, ts, "n4", wechat.signature(TOKEN, ts, "n4"), null, null))
                .as("plain mode: no key configured").isEqualTo(xml);
        assertThatThrownBy(() -> crypto(AES_KEY, true).open(xml, ts, "n5", "0000", null, null))
                .as("compatible mode still needs the URL signature").isInstanceOf(CallbackRefused.class);
    }

    private static OfficialAccountCrypto crypto(String aesKey, boolean compatibleMode) {
        return new OfficialAccountCrypto(new OfficialAccountProperties(APP_ID, "secret", TOKEN, aesKey,
                Duration.ofMinutes(5), null, null, compatibleMode), Clock.systemUTC());
    }
}
