package com.ventusvault.gateway.limits;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which pages may open WebSockets to the gateway (issue 6): the CSRF rule for upgrades. */
class OriginPolicyTests {

    private final OriginPolicy policy = new OriginPolicy(List.of("https://app.ventusvault.example",
            "http://localhost:5173"));

    @Test
    void aHandshakeWithoutOriginIsNotFromABrowserAndPasses() {
        assertThat(policy.allows(null, "gateway:4000")).isTrue();
    }

    @Test
    void configuredOriginsPassWhateverTheirCaseAndDefaultPort() {
        assertThat(policy.allows("https://app.ventusvault.example", "gateway:4000")).isTrue();
        assertThat(policy.allows("HTTPS://App.VentusVault.Example:443", "gateway:4000")).isTrue();
        assertThat(policy.allows("http://localhost:5173", "gateway:4000")).isTrue();
    }

    @Test
    void theGatewaysOwnOriginPasses() {
        assertThat(policy.allows("http://gateway.example:4000", "gateway.example:4000")).isTrue();
        assertThat(policy.allows("https://gateway.example", "gateway.example")).isTrue();
        assertThat(policy.allows("https://gateway.example", "gateway.example:443")).isTrue();
    }

    @Test
    void anyOtherOriginIsRefused() {
        assertThat(policy.allows("https://evil.example", "gateway:4000")).isFalse();
        assertThat(policy.allows("http://app.ventusvault.example", "gateway:4000")).as("other scheme").isFalse();
        assertThat(policy.allows("https://app.ventusvault.example:8443", "gateway:4000")).as("other port").isFalse();
        assertThat(policy.allows("http://localhost:5174", "localhost:4000")).isFalse();
        assertThat(policy.allows("null", "gateway:4000")).as("sandboxed frames and file: pages").isFalse();
        assertThat(policy.allows("not an origin", "gateway:4000")).isFalse();
    }

    @Test
    void aStarAllowsEveryOrigin() {
        assertThat(new OriginPolicy(List.of("*")).allows("https://evil.example", "gateway:4000")).isTrue();
    }

    @Test
    void aMalformedConfiguredOriginFailsStartup() {
        assertThatThrownBy(() -> new LimitsProperties.CsrfProperties(true, List.of("x-apollo-operation-name"),
                List.of("app.ventusvault.example")))
                .hasMessageContaining("gateway.limits.csrf.allowed-origins")
                .hasMessageContaining("app.ventusvault.example");
        assertThatThrownBy(() -> OriginPolicy.checkConfigured("https://app.example/path"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
