package com.ventusvault.schema.composition;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.ventusvault.schema.composition.TestSubgraphs.compose;
import static com.ventusvault.schema.composition.TestSubgraphs.composeSources;
import static com.ventusvault.schema.composition.TestSubgraphs.sources;
import static com.ventusvault.schema.composition.TestSubgraphs.typeBlock;
import static org.assertj.core.api.Assertions.assertThat;

/** How each kind of type merges: interfaces, unions, enums, inputs, scalars, arguments and descriptions. */
class TypeMergingTests {

    @Test
    void interfacesAndImplementationsCarryJoinImplementsBeforeJoinType() {
        String supergraph = compose(
                "a", """
                        type Query { node: Node }
                        interface Node { id: ID! }
                        type User implements Node @key(fields: "id") { id: ID! }""",
                "b", """
                        interface Node { id: ID! }
                        type User implements Node @key(fields: "id") { id: ID! name: String }""");

        assertThat(typeBlock(supergraph, "type User")).startsWith("""
                type User implements Node
                  @join__implements(graph: A, interface: "Node")
                  @join__implements(graph: B, interface: "Node")
                  @join__type(graph: A, key: "id")
                  @join__type(graph: B, key: "id")
                {""");
        assertThat(typeBlock(supergraph, "interface Node")).isEqualTo("""
                interface Node
                  @join__type(graph: A)
                  @join__type(graph: B)
                {
                  id: ID!
                }""");
    }

    @Test
    void unionsTakeEveryMemberWithOneJoinUnionMemberPerSubgraph() {
        String supergraph = compose(
                "a", "type Query { search: [Result] } union Result = Book type Book @shareable { title: String }",
                "b", "type Query { find: Result } union Result = Book | Film type Book @shareable { title: String } type Film { name: String }");

        assertThat(typeBlock(supergraph, "union Result")).isEqualTo("""
                union Result
                  @join__type(graph: A)
                  @join__type(graph: B)
                  @join__unionMember(graph: A, member: "Book")
                  @join__unionMember(graph: B, member: "Book")
                  @join__unionMember(graph: B, member: "Film")
                 = Book | Film""");
    }

    @Test
    void outputOnlyEnumsTakeTheUnionOfValues() {
        String supergraph = compose(
                "a", "type Query { a: Color } enum Color { RED GREEN }",
                "b", "type Query { b: Color } enum Color { RED BLUE }");

        assertThat(typeBlock(supergraph, "enum Color")).isEqualTo("""
                enum Color
                  @join__type(graph: A)
                  @join__type(graph: B)
                {
                  RED @join__enumValue(graph: A) @join__enumValue(graph: B)
                  GREEN @join__enumValue(graph: A)
                  BLUE @join__enumValue(graph: B)
                }""");
    }

    @Test
    void inputOnlyEnumsKeepOnlyValuesEverySubgraphAccepts() {
        String supergraph = compose(
                "a", "type Query { a(c: Color): Int } enum Color { RED GREEN }",
                "b", "type Query { b(c: Color): Int } enum Color { RED BLUE }");

        assertThat(typeBlock(supergraph, "enum Color")).contains("RED @join__enumValue(graph: A) @join__enumValue(graph: B)")
                .doesNotContain("GREEN").doesNotContain("BLUE");
    }

    @Test
    void inputTypesKeepTheCommonFieldsWithTheStrictestType() {
        String supergraph = compose(
                "a", "type Query { a(f: Filter): Int } input Filter { name: String limit: Int = 10 extra: String }",
                "b", "type Query { b(f: Filter): Int } input Filter { name: String! limit: Int = 10 }");

        assertThat(typeBlock(supergraph, "input Filter")).isEqualTo("""
                input Filter
                  @join__type(graph: A)
                  @join__type(graph: B)
                {
                  name: String! @join__field(graph: A, type: "String") @join__field(graph: B, type: "String!")
                  limit: Int = 10
                }""");
    }

    @Test
    void fieldArgumentsKeepOnlyOptionalArgumentsEveryResolvingSubgraphAccepts() {
        String supergraph = compose(
                "a", "type Query { u: U } type U @shareable { posts(first: Int = 5, after: String, tag: String): [String] }",
                "b", "type Query { v: U } type U @shareable { posts(first: Int = 5, after: String): [String] }");

        assertThat(supergraph).contains("posts(first: Int = 5, after: String): [String]\n");
    }

    @Test
    void argumentDescriptionsPrintOneArgumentALine() {
        String supergraph = compose("a", """
                type Query {
                  "Rates by pair."
                  rates(
                    "Pairs such as BTC/USDT."
                    pairs: [String!]
                    limit: Int
                  ): [String]
                }""");

        assertThat(typeBlock(supergraph, "type Query")).contains("""
                  \"""Rates by pair.\"""
                  rates(
                    \"""Pairs such as BTC/USDT.\"""
                    pairs: [String!]
                    limit: Int
                  ): [String]
                }""");
    }

    @Test
    void descriptionsPickTheMostCommonTextAndTheFirstSubgraphOnATie() {
        String supergraph = compose(
                "a", "type Query { x: S } \"From a.\" type S @shareable { v: Int }",
                "b", "type Query { y: S } \"From b.\" type S @shareable { v: Int }",
                "c", "type Query { z: S } \"From b.\" type S @shareable { v: Int }",
                "d", "type Query { w: T } \"T from d.\" type T @shareable { v: Int }",
                "e", "type Query { q: T } \"T from e.\" type T @shareable { v: Int }");

        assertThat(supergraph).contains("\"\"\"From b.\"\"\"\ntype S").contains("\"\"\"T from d.\"\"\"\ntype T");
    }

    @Test
    void scalarsKeepSpecifiedByAndDeprecationsCarryOver() {
        String supergraph = compose("a", """
                scalar Url @specifiedBy(url: "https://tools.ietf.org/html/rfc3986")
                type Query { home: Url old: String @deprecated(reason: "Use home") older: String @deprecated }""");

        assertThat(typeBlock(supergraph, "scalar Url")).isEqualTo("""
                scalar Url
                  @join__type(graph: A)
                  @specifiedBy(url: "https://tools.ietf.org/html/rfc3986")""");
        assertThat(supergraph).contains("old: String @deprecated(reason: \"Use home\")", "older: String @deprecated\n");
    }

    @Test
    void typesAreSortedLikeRoverWithFieldsInSubgraphOrder() {
        String supergraph = compose(
                "b", "type Query { zebra: alpha } type alpha @shareable { z: Int a: Int }",
                "a", "type Query { apple: Beta } type Beta { b: Int more: alpha } type alpha @shareable { m: Int z: Int }");

        assertThat(supergraph.indexOf("type alpha")).isLessThan(supergraph.indexOf("type Beta"));
        assertThat(supergraph.indexOf("type Beta")).isLessThan(supergraph.indexOf("enum join__Graph"));
        assertThat(typeBlock(supergraph, "type alpha")).containsSubsequence("m: Int", "z: Int", "a: Int");
    }

    @Test
    void outputDoesNotDependOnTheOrderSubgraphsAreGivenIn() {
        List<SubgraphSource> sources = sources(
                "payments", "type Query { w: Wallet } type Wallet @key(fields: \"id\") { id: ID! }",
                "accounts", "type Query { me: User } type User @key(fields: \"id\") { id: ID! }");
        List<SubgraphSource> reversed = new ArrayList<>(sources.reversed());

        assertThat(composeSources(reversed)).isEqualTo(composeSources(sources));
    }
}
