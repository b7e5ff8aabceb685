package com.ventusvault.gateway;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayApplicationTests {

    @Test
    void mapsBenchmarkToolArgumentsToSpringProperties() {
        assertThat(GatewayApplication.translate(new String[]{"--port", "4100", "--supergraph=x.graphql", "--debug"}))
                .containsExactly("--server.port=4100", "--gateway.supergraph=x.graphql", "--debug");
    }
}
