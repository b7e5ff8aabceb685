package com.ventusvault.gateway.supergraph;

import com.ventusvault.gateway.planning.GoldenSupergraphs;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SupergraphLoaderTests {

    @Test
    void readsOwnershipKeysAndRequiresFromOurSupergraph() {
        Supergraph supergraph = GoldenSupergraphs.ours();
        assertThat(supergraph.subgraphs()).containsKeys("accounts", "payments", "markets", "ai");
        assertThat(supergraph.resolvingSubgraphs("User", "wallets")).containsExactly("payments");
        assertThat(supergraph.type("Wallet").resolvableKeys("ai")).isEmpty();
        assertThat(supergraph.field("User", "insights").joinFor("ai").requires().text()).contains("wallets");
        assertThat(supergraph.apiSchema().getType("join__Graph")).isNull();
    }

    @Test
    void rejectsSdlThatIsNotASupergraph() {
        assertThatThrownBy(() -> new SupergraphLoader().load("type Query { a: Int }", "x.graphql"))
                .isInstanceOf(SupergraphException.class).hasMessageContaining("x.graphql");
    }

    @Test
    void namesTheLineOfAnUnknownGraph() {
        String sdl = """
                schema @link(url: "https://specs.apollo.dev/link/v1.0")
                  @link(url: "https://specs.apollo.dev/join/v0.5", for: EXECUTION) { query: Query }
                enum join__Graph { A @join__graph(name: "a", url: "http://a") }
                type Query @join__type(graph: B) { a: Int }
                """;
        assertThatThrownBy(() -> new SupergraphLoader().load(sdl, "bad.graphql"))
                .isInstanceOf(SupergraphException.class).hasMessageContaining("bad.graphql:4")
                .hasMessageContaining("unknown graph B");
    }
}
