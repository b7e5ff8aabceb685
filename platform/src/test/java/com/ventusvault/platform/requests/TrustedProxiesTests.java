package com.ventusvault.platform.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTests {

    private final TrustedProxies loopbackAndGateway = TrustedProxies.of(List.of("127.0.0.0/8", "::1/128", "10.1.0.0/16"));

    @Test
    void aPeerThatIsNoProxyIsTheClientWhateverItForwards() {
        assertThat(loopbackAndGateway.clientIp(ip("203.0.113.7"), List.of("198.51.100.1"))).isEqualTo("203.0.113.7");
    }

    @Test
    void aTrustedProxyIsBelievedAboutTheHopBeforeIt() {
        assertThat(loopbackAndGateway.clientIp(ip("127.0.0.1"), List.of("203.0.113.7"))).isEqualTo("203.0.113.7");
    }

    @Test
    void theNearestUntrustedHopWinsSoAClientCannotPrependItsOwnChoice() {
        // The client sent "X-Forwarded-For: 1.2.3.4"; the gateway appended the address it saw.
        assertThat(loopbackAndGateway.clientIp(ip("127.0.0.1"), List.of("1.2.3.4, 203.0.113.7, 10.1.2.3")))
                .isEqualTo("203.0.113.7");
    }

    @Test
    void junkInTheHeaderStopsTheWalkAtTheLastGoodAddress() {
        assertThat(loopbackAndGateway.clientIp(ip("127.0.0.1"), List.of("evil.example.com"))).isEqualTo("127.0.0.1");
        assertThat(loopbackAndGateway.clientIp(ip("127.0.0.1"), List.of("203.0.113.7, not-an-ip, 10.1.0.9")))
                .isEqualTo("10.1.0.9");
    }

    @Test
    void ipv6HopsAreUnderstood() {
        assertThat(loopbackAndGateway.clientIp(ip("::1"), List.of("[2001:db8::1]"))).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(loopbackAndGateway.contains(ip("::1"))).isTrue();
        assertThat(loopbackAndGateway.contains(ip("::2"))).isFalse();
    }

    @Test
    void withoutTheHeaderTheProxyItselfIsTheClient() {
        assertThat(loopbackAndGateway.clientIp(ip("127.0.0.1"), List.of())).isEqualTo("127.0.0.1");
        assertThat(loopbackAndGateway.clientIp(null, List.of("203.0.113.7"))).isNull();
    }

    @Test
    void malformedBlocksFailWithTheirText() {
        assertThatThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/33"))).hasMessageContaining("10.0.0.0/33");
        assertThatThrownBy(() -> TrustedProxies.of(List.of("gateway.local"))).hasMessageContaining("gateway.local");
    }

    private static InetAddress ip(String literal) {
        return TrustedProxies.parseLiteral(literal);
    }
}
