package org.qingnuan.shared.web;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientAddressesTest {

    final ClientAddresses addresses = new ClientAddresses("10.0.0.0/8, 192.168.1.7 ,fd00::/8");

    @Test
    void shouldIgnoreForwardingHeadersFromAPeerThatIsNotATrustedProxy() {
        assertThat(addresses.resolve("203.0.113.9", List.of("1.2.3.4"), "5.6.7.8")).isEqualTo("203.0.113.9");
        assertThat(new ClientAddresses("").resolve("10.0.0.1", List.of("1.2.3.4"), null))
                .as("no proxies configured: the socket address").isEqualTo("10.0.0.1");
    }

    @Test
    void shouldTakeTheFirstUntrustedHopFromTheRightBehindATrustedProxy() {
        assertThat(addresses.resolve("10.1.2.3", List.of("198.51.100.20"), null)).isEqualTo("198.51.100.20");
        assertThat(addresses.resolve("10.1.2.3", List.of("6.6.6.6, 198.51.100.20, 192.168.1.7"), null))
                .as("what the client wrote itself (left) is not believed").isEqualTo("198.51.100.20");
        assertThat(addresses.resolve("10.1.2.3", List.of("6.6.6.6", "198.51.100.20"), null))
                .as("several headers are one list").isEqualTo("198.51.100.20");
        assertThat(addresses.resolve("fd00::1", List.of("2001:db8::5"), null)).isEqualTo("2001:db8::5");
    }

    @Test
    void shouldUseXRealIpWhenThereIsNoForwardedForAndRefuseNonAddresses() {
        assertThat(addresses.resolve("192.168.1.7", List.of(), "198.51.100.30")).isEqualTo("198.51.100.30");
        assertThat(addresses.resolve("192.168.1.7", List.of(), "evil.example.org")).isEqualTo("192.168.1.7");
        assertThat(addresses.resolve("10.1.2.3", List.of("unknown, 10.9.9.9"), null))
                .as("garbage stops the walk at the last vouched-for hop").isEqualTo("10.9.9.9");
        assertThat(addresses.resolve("10.1.2.3", List.of("10.9.9.9"), null))
                .as("only proxies in the chain: the leftmost").isEqualTo("10.9.9.9");
    }

    @Test
    void shouldRefuseAConfigurationThatIsNotAnAddressList() {
        assertThatThrownBy(() -> new ClientAddresses("proxy.internal")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("QN_TRUSTED_PROXIES");
    }
}
