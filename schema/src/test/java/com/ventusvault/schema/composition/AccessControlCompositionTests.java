package com.ventusvault.schema.composition;

import org.junit.jupiter.api.Test;

import java.util.List;

import static com.ventusvault.schema.composition.TestSubgraphs.composeSources;
import static com.ventusvault.schema.composition.TestSubgraphs.raw;
import static com.ventusvault.schema.composition.TestSubgraphs.typeBlock;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @authenticated} and {@code @requiresScopes} reach the supergraph as Apollo composition writes them: linked
 * with {@code for: SECURITY}, their definitions and the {@code requiresScopes__Scope} scalar added, applied where the
 * subgraphs applied them, merged so that no subgraph's rule is loosened by another's.
 */
class AccessControlCompositionTests {

    private static final String AUTH = """
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.5",
              import: ["@key", "@shareable", "@authenticated", "@requiresScopes"])
            """;

    @Test
    void authenticatedAndRequiresScopesAreLinkedDefinedAndApplied() {
        String supergraph = composeSources(List.of(raw("a", AUTH + """
                type Query {
                  me: User @authenticated
                  audit: [String!]! @requiresScopes(scopes: [["audit:read"], ["admin", "root"]])
                  open: String
                }
                type User @key(fields: "id") @authenticated { id: ID! }""")));

        assertThat(supergraph)
                .contains("  @link(url: \"https://specs.apollo.dev/authenticated/v0.1\", for: SECURITY)\n")
                .contains("  @link(url: \"https://specs.apollo.dev/requiresScopes/v0.1\", for: SECURITY)\n")
                .contains("directive @authenticated on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM\n")
                .contains("directive @requiresScopes(scopes: [[requiresScopes__Scope!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM\n")
                .contains("scalar requiresScopes__Scope\n");
        assertThat(typeBlock(supergraph, "type Query")).contains("  me: User @authenticated\n")
                .contains("  audit: [String!]! @requiresScopes(scopes: [[\"audit:read\"], [\"admin\", \"root\"]])\n")
                .contains("  open: String\n");
        assertThat(typeBlock(supergraph, "type User")).contains("  @authenticated\n{");
    }

    @Test
    void aSupergraphWithoutAccessRulesLinksNeitherSpec() {
        String supergraph = composeSources(List.of(raw("a", AUTH + "type Query { open: String }")));

        assertThat(supergraph).doesNotContain("authenticated").doesNotContain("requiresScopes");
    }

    @Test
    void authenticatedInOneSubgraphGuardsTheSharedField() {
        String supergraph = composeSources(List.of(
                raw("a", AUTH + "type Query { u: User } type User @key(fields: \"id\") { id: ID! name: String @shareable }"),
                raw("b", AUTH + "type User @key(fields: \"id\") { id: ID! name: String @shareable @authenticated }")));

        assertThat(typeBlock(supergraph, "type User")).contains("  name: String @authenticated\n");
    }

    @Test
    void scopesDeclaredByTwoSubgraphsMustAllBeMet() {
        String supergraph = composeSources(List.of(
                raw("a", AUTH + """
                        type Query { u: User }
                        type User @key(fields: "id") { id: ID! email: String @shareable @requiresScopes(scopes: [["a"], ["b"]]) }"""),
                raw("b", AUTH + """
                        type User @key(fields: "id") { id: ID! email: String @shareable @requiresScopes(scopes: [["c"], ["a"]]) }""")));

        // (a or b) and (c or a) = a, or (a and c) [implied by a], or (b and c), or (a and b) [implied by a]
        assertThat(typeBlock(supergraph, "type User"))
                .contains("  email: String @requiresScopes(scopes: [[\"a\"], [\"b\", \"c\"]])\n");
    }

    @Test
    void requiresScopesWithoutScopesIsACompositionError() {
        assertThat(TestSubgraphs.failureOf(List.of(raw("a", AUTH
                + "type Query { u: String @requiresScopes(scopes: [[]]) }"))).getMessage())
                .contains("@requiresScopes on field \"Query.u\"");
    }
}
