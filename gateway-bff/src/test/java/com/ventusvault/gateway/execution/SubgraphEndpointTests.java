package com.ventusvault.gateway.execution;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Subscriptions go to the subgraph's own URL with the WebSocket scheme (the issue 6 contract). */
class SubgraphEndpointTests {

    @Test
    void httpBecomesWsAndHttpsBecomesWss() {
        assertThat(endpoint("http://localhost:4002/graphql").webSocketUri())
                .isEqualTo(URI.create("ws://localhost:4002/graphql"));
        assertThat(endpoint("https://payments.internal/api/graphql?x=1").webSocketUri())
                .isEqualTo(URI.create("wss://payments.internal/api/graphql?x=1"));
    }

    private static SubgraphEndpoint endpoint(String url) {
        return new SubgraphEndpoint("payments", URI.create(url), Duration.ofSeconds(1));
    }
}
