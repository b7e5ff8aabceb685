package com.ventusvault.gateway.supergraph;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AccessRulesTests {

    @Test
    void readsTheRulesOfOurSupergraph() throws IOException {
        Supergraph supergraph;
        try (InputStream in = getClass().getResourceAsStream("/supergraph.graphql")) {
            supergraph = new SupergraphLoader().load(new String(in.readAllBytes(), StandardCharsets.UTF_8), "ours");
        }
        AccessRules rules = AccessRules.of(supergraph);

        assertThat(rules.field("Query", "me").authenticated()).isTrue();
        assertThat(rules.field("Query", "verifyLedger").scopes()).containsExactly(List.of(Set.of("ledger:read")));
        assertThat(rules.type("Wallet").authenticated()).isTrue();
        assertThat(rules.field("Query", "rates").isNone()).isTrue();
        assertThat(supergraph.apiSchema().getDirective("authenticated")).as("machinery, not API").isNull();
        assertThat(supergraph.apiSchema().getType("requiresScopes__Scope")).isNull();
    }

    @Test
    void followsRenamedSpecsAndIgnoresDirectivesOfUnlinkedOnes() {
        Supergraph supergraph = new SupergraphLoader().load("""
                schema
                  @link(url: "https://specs.apollo.dev/link/v1.0")
                  @link(url: "https://specs.apollo.dev/join/v0.5", for: EXECUTION)
                  @link(url: "https://specs.apollo.dev/authenticated/v0.1", as: "signedIn", for: SECURITY)
                { query: Query }
                directive @join__graph(name: String!, url: String!) on ENUM_VALUE
                directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false, resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) repeatable on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR
                directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA
                directive @signedIn on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
                directive @requiresScopes(scopes: [[String!]!]!) on FIELD_DEFINITION
                scalar join__FieldSet
                scalar link__Import
                enum link__Purpose { SECURITY EXECUTION }
                enum join__Graph { A @join__graph(name: "a", url: "http://a") }
                type Query @join__type(graph: A) {
                  secret: String @signedIn
                  scoped: String @requiresScopes(scopes: [["x"]])
                }""", "renamed");

        AccessRules rules = AccessRules.of(supergraph);

        assertThat(rules.field("Query", "secret").authenticated()).isTrue();
        assertThat(rules.field("Query", "scoped").isNone()).as("requiresScopes is not linked here").isTrue();
    }

    @Test
    void aRequirementIsMetOnlyWithEveryConditionSatisfied() {
        AccessRequirement both = new AccessRequirement(true, List.of(List.of(Set.of("a", "b"), Set.of("c"))))
                .and(new AccessRequirement(false, List.of(List.of(Set.of("d")))));

        assertThat(both.isMetBy(true, Set.of("c", "d"))).isTrue();
        assertThat(both.isMetBy(true, Set.of("a", "b", "d"))).isTrue();
        assertThat(both.isMetBy(true, Set.of("a", "d"))).isFalse();
        assertThat(both.isMetBy(true, Set.of("c"))).isFalse();
        assertThat(both.isMetBy(false, Set.of("c", "d"))).as("authenticated needs a token").isFalse();
        assertThat(AccessRequirement.NONE.isMetBy(false, Set.of())).isTrue();
    }
}
