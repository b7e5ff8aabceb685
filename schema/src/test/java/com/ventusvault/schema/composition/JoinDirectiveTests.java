package com.ventusvault.schema.composition;

import org.junit.jupiter.api.Test;

import static com.ventusvault.schema.composition.TestSubgraphs.compose;
import static com.ventusvault.schema.composition.TestSubgraphs.typeBlock;
import static org.assertj.core.api.Assertions.assertThat;

/** Entities, keys and the @join__type / @join__field metadata the gateway plans with. */
class JoinDirectiveTests {

    @Test
    void omitsJoinFieldWhenEveryDefiningSubgraphHasTheFieldUnchanged() {
        String supergraph = compose(
                "a", "type Query { m: Money } type Money @shareable { amount: Int! currency: String! }",
                "b", "type Query { n: Money } type Money @shareable { amount: Int! currency: String! }");

        assertThat(typeBlock(supergraph, "type Money")).isEqualTo("""
                type Money
                  @join__type(graph: A)
                  @join__type(graph: B)
                {
                  amount: Int!
                  currency: String!
                }""");
        assertThat(typeBlock(supergraph, "type Query")).contains(
                "m: Money @join__field(graph: A)", "n: Money @join__field(graph: B)");
    }

    @Test
    void recordsEachSubgraphsTypeWhenSubgraphsDisagreeOnNullability() {
        String supergraph = compose(
                "a", "type Query { t: T } type T @shareable { name: String }",
                "b", "type Query { u: T } type T @shareable { name: String! }");

        assertThat(typeBlock(supergraph, "type T")).contains(
                "name: String @join__field(graph: A, type: \"String\") @join__field(graph: B, type: \"String!\")");
    }

    @Test
    void printsOneJoinTypePerKeyWithCompositeNestedAndNonResolvableKeys() {
        String supergraph = compose(
                "a", """
                        type Query { product: Product }
                        type Product @key(fields: "id") @key(fields: "sku brand { name }") {
                          id: ID! sku: String! brand: Brand! name: String }
                        type Brand @shareable { name: String! }
                        """,
                "b", """
                        type Product @key(fields: "id", resolvable: false) { id: ID! }
                        type Review @key(fields: "id") { id: ID! product: Product }
                        type Query { review: Review }
                        """,
                "c", """
                        extend type Product @key(fields: "id") { id: ID! stock: Int }
                        """);

        assertThat(typeBlock(supergraph, "type Product")).startsWith("""
                type Product
                  @join__type(graph: A, key: "id")
                  @join__type(graph: A, key: "sku brand { name }")
                  @join__type(graph: B, key: "id", resolvable: false)
                  @join__type(graph: C, key: "id", extension: true)
                {
                  id: ID!
                  sku: String! @join__field(graph: A)""");
        assertThat(typeBlock(supergraph, "type Product")).contains("stock: Int @join__field(graph: C)");
    }

    @Test
    void keyFieldsAreShareableWithoutBeingMarked() {
        String supergraph = compose(
                "a", "type Query { u: User } type User @key(fields: \"id\") { id: ID! name: String }",
                "b", "type User @key(fields: \"id\") { id: ID! age: Int }");

        assertThat(typeBlock(supergraph, "type User")).contains("  id: ID!\n", "age: Int @join__field(graph: B)");
    }

    @Test
    void marksExternalAndRequiresOnTheSubgraphThatNeedsThem() {
        String supergraph = compose(
                "a", "type Query { u: User } type User @key(fields: \"id\") { id: ID! weight: Int }",
                "b", """
                        type User @key(fields: "id") {
                          id: ID!
                          weight: Int @external
                          shipping: Int @requires(fields: "weight")
                        }""");

        assertThat(typeBlock(supergraph, "type User")).contains(
                "weight: Int @join__field(graph: A) @join__field(graph: B, external: true)",
                "shipping: Int @join__field(graph: B, requires: \"weight\")");
    }

    @Test
    void marksProvidesAndTheProvidedExternalField() {
        String supergraph = compose(
                "a", "type Query { u: User } type User @key(fields: \"id\") { id: ID! name: String }",
                "b", """
                        type Query { reviews: [Review] }
                        type Review { author: User @provides(fields: "name") }
                        type User @key(fields: "id") { id: ID! name: String @external }""");

        assertThat(supergraph).contains("author: User @join__field(graph: B, provides: \"name\")");
        assertThat(typeBlock(supergraph, "type User")).contains(
                "name: String @join__field(graph: A) @join__field(graph: B, external: true)");
    }

    @Test
    void overrideMovesTheFieldAndDropsTheOldSubgraphWhenItNoLongerUsesIt() {
        String supergraph = compose(
                "a", "type Query { p: Product } type Product @key(fields: \"id\") { id: ID! price: Int }",
                "b", "type Product @key(fields: \"id\") { id: ID! price: Int @override(from: \"a\") }");

        assertThat(typeBlock(supergraph, "type Product")).contains("price: Int @join__field(graph: B, override: \"a\")\n")
                .doesNotContain("graph: A, usedOverridden");
    }

    @Test
    void overrideKeepsTheOldSubgraphAsUsedOverriddenWhenItsKeyStillSelectsTheField() {
        String supergraph = compose(
                "a", "type Query { p: Product } type Product @key(fields: \"id\") @key(fields: \"sku\") { id: ID! sku: String }",
                "b", "type Product @key(fields: \"id\") { id: ID! sku: String @override(from: \"a\") }");

        assertThat(typeBlock(supergraph, "type Product")).contains(
                "sku: String @join__field(graph: A, usedOverridden: true) @join__field(graph: B, override: \"a\")");
    }

    @Test
    void everySubgraphHasTheQueryTypeSoQueryFieldsAlwaysNameTheirSubgraph() {
        String supergraph = compose(
                "a", "type Query { hello: String }",
                "b", "type User @key(fields: \"id\") { id: ID! }");

        assertThat(typeBlock(supergraph, "type Query")).isEqualTo("""
                type Query
                  @join__type(graph: A)
                  @join__type(graph: B)
                {
                  hello: String @join__field(graph: A)
                }""");
    }

    @Test
    void interfaceObjectFieldsReachEveryImplementationThroughABareJoinField() {
        String supergraph = compose(
                "a", """
                        type Query { media: [Media] }
                        interface Media @key(fields: "id") { id: ID! title: String }
                        type Book implements Media @key(fields: "id") { id: ID! title: String }""",
                "b", """
                        type Media @key(fields: "id") @interfaceObject { id: ID! reviews: [String] }""");

        assertThat(typeBlock(supergraph, "interface Media")).startsWith("""
                interface Media
                  @join__type(graph: A, key: "id")
                  @join__type(graph: B, key: "id", isInterfaceObject: true)""")
                .contains("reviews: [String] @join__field(graph: B)");
        assertThat(typeBlock(supergraph, "type Book")).contains("reviews: [String] @join__field\n").endsWith("}");
    }
}
