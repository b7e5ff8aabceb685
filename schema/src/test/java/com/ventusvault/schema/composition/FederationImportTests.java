package com.ventusvault.schema.composition;

import org.junit.jupiter.api.Test;

import java.util.List;

import static com.ventusvault.schema.composition.TestSubgraphs.compose;
import static com.ventusvault.schema.composition.TestSubgraphs.composeSources;
import static com.ventusvault.schema.composition.TestSubgraphs.raw;
import static com.ventusvault.schema.composition.TestSubgraphs.typeBlock;
import static org.assertj.core.api.Assertions.assertThat;

/** How subgraphs name things: @link imports and renames, root type renames, extensions, @inaccessible and @tag. */
class FederationImportTests {

    @Test
    void importsRenamedWithAsAndNamespacedDirectivesAreRecognised() {
        String supergraph = composeSources(List.of(
                raw("a", """
                        extend schema @link(url: "https://specs.apollo.dev/federation/v2.5",
                                            import: [{name: "@key", as: "@primaryKey"}])
                        type Query { u: User }
                        type User @primaryKey(fields: "id") { id: ID! name: String @federation__shareable }"""),
                raw("b", """
                        extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", as: "fed", import: ["@key"])
                        type User @key(fields: "id") { id: ID! name: String @fed__shareable }""")));

        assertThat(typeBlock(supergraph, "type User")).startsWith("""
                type User
                  @join__type(graph: A, key: "id")
                  @join__type(graph: B, key: "id")
                {
                  id: ID!
                  name: String
                }""");
    }

    @Test
    void customRootTypeNamesBecomeQueryAndMutation() {
        String supergraph = composeSources(List.of(raw("a", TestSubgraphs.FED + """
                schema { query: RootQuery mutation: RootMutation }
                type RootQuery { me: Me }
                type RootMutation { rename(name: String!): Me }
                type Me { name: String self: RootQuery }""")));

        assertThat(supergraph).contains("  query: Query\n  mutation: Mutation\n")
                .contains("rename(name: String!): Me\n")
                .contains("self: Query\n")
                .doesNotContain("RootQuery");
    }

    @Test
    void extendTypeMergesWithTheBaseInTheSameSubgraphAndMarksKeysOnExtensions() {
        String supergraph = compose(
                "a", """
                        type Query { u: User }
                        type User @key(fields: "id") { id: ID! }
                        extend type User { name: String }""",
                "b", "extend type User @key(fields: \"id\") { id: ID! age: Int }");

        assertThat(typeBlock(supergraph, "type User")).startsWith("""
                type User
                  @join__type(graph: A, key: "id")
                  @join__type(graph: B, key: "id", extension: true)
                {
                  id: ID!
                  name: String @join__field(graph: A)
                  age: Int @join__field(graph: B)""");
    }

    @Test
    void typeLevelShareableCoversOnlyTheFieldsOfItsOwnBlock() {
        String supergraph = compose(
                "a", "type Query { p: P } type P @shareable { x: Int } extend type P { y: Int @shareable }",
                "b", "type Query { q: P } type P @shareable { x: Int y: Int }");

        assertThat(typeBlock(supergraph, "type P")).contains("x: Int\n", "y: Int\n");
    }

    @Test
    void inaccessibleAndTagAreCarriedIntoTheSupergraphWithTheirSpecs() {
        String supergraph = compose(
                "a", """
                        type Query { u: User @tag(name: "public") }
                        type User @key(fields: "id") @tag(name: "entity") { id: ID! ssn: String @inaccessible }
                        enum Level { LOW HIGH @inaccessible }
                        type Extra { level: Level }""");

        assertThat(supergraph).startsWith("""
                schema
                  @link(url: "https://specs.apollo.dev/link/v1.0")
                  @link(url: "https://specs.apollo.dev/join/v0.5", for: EXECUTION)
                  @link(url: "https://specs.apollo.dev/tag/v0.3")
                  @link(url: "https://specs.apollo.dev/inaccessible/v0.2", for: SECURITY)
                {""");
        assertThat(supergraph).contains("directive @inaccessible on FIELD_DEFINITION", "directive @tag(name: String!) repeatable on");
        assertThat(supergraph).contains("u: User @tag(name: \"public\")",
                "  @join__type(graph: A, key: \"id\")\n  @tag(name: \"entity\")\n{",
                "ssn: String @inaccessible", "HIGH @join__enumValue(graph: A) @inaccessible");
    }

    @Test
    void subgraphWithoutFederationLinkMayUseFederationDirectivesByTheirPlainNames() {
        String supergraph = composeSources(List.of(
                raw("legacy", "type Query { u: User } type User @key(fields: \"id\") { id: ID! name: String @shareable }")));

        assertThat(supergraph).contains("@join__type(graph: LEGACY, key: \"id\")");
    }

    @Test
    void federationOneStyleSubgraphsShareValueTypesAndOwnTheirExternalKeyFields() {
        String supergraph = composeSources(List.of(
                raw("accounts", "type Query { me: User } type User @key(fields: \"id\") { id: ID! name: String } type Money { amount: Int }"),
                raw("payments", "extend type User @key(fields: \"id\") { id: ID! @external balance: Money } type Money { amount: Int }")));

        assertThat(typeBlock(supergraph, "type User")).contains("  id: ID!\n", "balance: Money @join__field(graph: PAYMENTS)");
        assertThat(typeBlock(supergraph, "type Money")).contains("  amount: Int\n");
    }

    @Test
    void federationDefinitionsASubgraphPrintsAreNotMerged() {
        String supergraph = composeSources(List.of(raw("a", TestSubgraphs.FED + """
                scalar _Any
                scalar FieldSet
                union _Entity = User
                type _Service { sdl: String }
                directive @key(fields: FieldSet!, resolvable: Boolean = true) repeatable on OBJECT | INTERFACE
                type Query { _entities(representations: [_Any!]!): [_Entity]! _service: _Service! me: User }
                type User @key(fields: "id") { id: ID! }""")));

        assertThat(supergraph).doesNotContain("_Entity", "_Service", "_entities", "scalar FieldSet", "directive @key");
        assertThat(typeBlock(supergraph, "type Query")).contains("me: User");
    }
}
