package com.ventusvault.gateway.limits;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Whose bucket a request goes to: X-Forwarded-For is believed only from trusted proxies. */
class ClientAddressTests {

    private final ClientAddress addresses = new ClientAddress(List.of("127.0.0.0/8", "::1/128", "10.0.0.0/8"));

    @Test
    void anUntrustedPeerCannotChooseItsBucket() throws Exception {
        assertThat(addresses.resolve(InetAddress.getByName("198.51.100.7"), List.of("203.0.113.9")))
                .isEqualTo("198.51.100.7");
    }

    @Test
    void behindTrustedProxiesTheLastUntrustedHopCounts() throws Exception {
        InetAddress proxy = InetAddress.getByName("127.0.0.1");
        assertThat(addresses.resolve(proxy, List.of("203.0.113.9"))).isEqualTo("203.0.113.9");
        // the client wrote the first entry itself; the proxies appended the rest
        assertThat(addresses.resolve(proxy, List.of("1.2.3.4, 203.0.113.9, 10.1.2.3"))).isEqualTo("203.0.113.9");
        assertThat(addresses.resolve(proxy, List.of())).isEqualTo("127.0.0.1");
        assertThat(addresses.resolve(proxy, List.of("not-an-ip"))).isEqualTo("127.0.0.1");
    }

    @Test
    void malformedTrustedProxiesFailAtStartup() {
        assertThatThrownBy(() -> new ClientAddress(List.of("example.com"))).hasMessageContaining("example.com");
        assertThatThrownBy(() -> new ClientAddress(List.of("10.0.0.0/33"))).hasMessageContaining("10.0.0.0/33");
    }
}
