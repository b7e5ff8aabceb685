package com.ventusvault.schema.composition;

import org.junit.jupiter.api.Test;

import java.util.List;

import static com.ventusvault.schema.composition.TestSubgraphs.failure;
import static com.ventusvault.schema.composition.TestSubgraphs.failureOf;
import static com.ventusvault.schema.composition.TestSubgraphs.raw;
import static org.assertj.core.api.Assertions.assertThat;

/** What the composer rejects: each case names its code and the subgraph, type and field at fault. */
class SupergraphComposerTests {

    @Test
    void rejectsSdlThatDoesNotParseNamingSubgraphAndLine() {
        CompositionException e = failureOf(List.of(raw("a", "type Query { ok: Int }"), raw("b", "type Query {\n  broken: \n}")));

        assertThat(e.codes()).containsExactly("INVALID_GRAPHQL");
        assertThat(e.getMessage()).contains("Subgraph \"b\"", "line 3");
    }

    @Test
    void rejectsIncompatibleFieldTypes() {
        CompositionException e = failure(
                "a", "type Query { t: T } type T @shareable { amount: Int }",
                "b", "type Query { u: T } type T @shareable { amount: String }");

        assertThat(e.codes()).containsExactly("FIELD_TYPE_MISMATCH");
        assertThat(e.getMessage()).contains("\"T.amount\"", "Int in subgraph \"a\"", "String in subgraph \"b\"");
    }

    @Test
    void rejectsNonShareableFieldResolvedByTwoSubgraphs() {
        CompositionException e = failure(
                "a", "type Query { u: User } type User @key(fields: \"id\") { id: ID! name: String }",
                "b", "type User @key(fields: \"id\") { id: ID! name: String }");

        assertThat(e.codes()).containsExactly("INVALID_FIELD_SHARING");
        assertThat(e.getMessage()).contains("\"User.name\"", "subgraphs \"a\", \"b\"");
    }

    @Test
    void rejectsKeySelectingUnknownField() {
        CompositionException e = failure("a", "type Query { u: User } type User @key(fields: \"uuid\") { id: ID! }");

        assertThat(e.codes()).containsExactly("KEY_INVALID_FIELDS");
        assertThat(e.getMessage()).contains("Subgraph \"a\"", "\"User.uuid\"");
    }

    @Test
    void rejectsKeySelectingListOrArgumentFields() {
        CompositionException e = failure("a", """
                type Query { u: User }
                type User @key(fields: "tags") @key(fields: "scoped") { tags: [String] scoped(x: Int): ID }""");

        assertThat(e.codes()).containsExactly("KEY_FIELDS_SELECT_INVALID_TYPE", "KEY_FIELDS_HAS_ARGS");
    }

    @Test
    void rejectsKeyThatIsNotASelectionSet() {
        CompositionException e = failure("a", "type Query { u: User } type User @key(fields: \"id {\") { id: ID! }");

        assertThat(e.codes()).containsExactly("KEY_INVALID_FIELDS");
    }

    @Test
    void rejectsRequiresOnFieldsNotMarkedExternal() {
        CompositionException e = failure(
                "a", "type Query { u: User } type User @key(fields: \"id\") { id: ID! weight: Int }",
                "b", "type User @key(fields: \"id\") { id: ID! weight: Int @shareable shipping: Int @requires(fields: \"weight\") }");

        assertThat(e.codes()).containsExactly("REQUIRES_FIELDS_MISSING_EXTERNAL");
        assertThat(e.getMessage()).contains("Subgraph \"b\"", "\"User.shipping\"", "\"User.weight\"");
    }

    @Test
    void rejectsRequiresSelectingUnknownField() {
        CompositionException e = failure(
                "a", "type Query { u: User } type User @key(fields: \"id\") { id: ID! }",
                "b", "type User @key(fields: \"id\") { id: ID! shipping: Int @requires(fields: \"weight\") }");

        assertThat(e.codes()).containsExactly("REQUIRES_INVALID_FIELDS");
    }

    @Test
    void rejectsProvidesOfFieldsNotMarkedExternal() {
        CompositionException e = failure(
                "a", "type Query { u: User } type User @key(fields: \"id\") { id: ID! name: String @shareable }",
                "b", "type Query { v: User @provides(fields: \"name\") } type User @key(fields: \"id\") { id: ID! name: String @shareable }");

        assertThat(e.codes()).containsExactly("PROVIDES_FIELDS_MISSING_EXTERNAL");
    }

    @Test
    void rejectsExternalFieldNoSubgraphResolves() {
        CompositionException e = failure(
                "a", "type Query { u: User } type User @key(fields: \"id\") { id: ID! }",
                "b", "type User @key(fields: \"id\") { id: ID! weight: Int @external shipping: Int @requires(fields: \"weight\") }");

        assertThat(e.codes()).containsExactly("EXTERNAL_MISSING_ON_BASE");
        assertThat(e.getMessage()).contains("\"User.weight\"", "subgraph \"b\"");
    }

    @Test
    void rejectsExternalFieldNothingUses() {
        CompositionException e = failure(
                "a", "type Query { u: User } type User @key(fields: \"id\") { id: ID! weight: Int }",
                "b", "type User @key(fields: \"id\") { id: ID! weight: Int @external }");

        assertThat(e.codes()).containsExactly("EXTERNAL_UNUSED");
    }

    @Test
    void rejectsTypeThatIsAnObjectInOneSubgraphAndAnInterfaceInAnother() {
        CompositionException e = failure(
                "a", "type Query { n: Node } type Node { id: ID }",
                "b", "type Query { m: Node } interface Node { id: ID }");

        assertThat(e.codes()).containsExactly("TYPE_KIND_MISMATCH");
        assertThat(e.getMessage()).contains("object in subgraph \"a\"", "interface in subgraph \"b\"");
    }

    @Test
    void rejectsEnumUsedAsInputAndOutputWithDifferentValues() {
        CompositionException e = failure(
                "a", "type Query { color: Color } enum Color { RED GREEN }",
                "b", "type Query { paint(c: Color): Int } enum Color { RED }");

        assertThat(e.codes()).containsExactly("ENUM_VALUE_MISMATCH");
        assertThat(e.getMessage()).contains("\"Color\"", "\"GREEN\"", "not in subgraph \"b\"");
    }

    @Test
    void rejectsRequiredInputFieldMissingInAnotherSubgraph() {
        CompositionException e = failure(
                "a", "type Query { a(f: F): Int } input F { x: Int y: Int! }",
                "b", "type Query { b(f: F): Int } input F { x: Int }");

        assertThat(e.codes()).containsExactly("REQUIRED_INPUT_FIELD_MISSING_IN_SOME_SUBGRAPH");
    }

    @Test
    void rejectsInputTypeWithNoCommonField() {
        CompositionException e = failure(
                "a", "type Query { a(f: F): Int } input F { x: Int }",
                "b", "type Query { b(f: F): Int } input F { y: Int }");

        assertThat(e.codes()).containsExactly("EMPTY_MERGED_INPUT_TYPE");
    }

    @Test
    void rejectsRequiredArgumentMissingInAnotherResolvingSubgraph() {
        CompositionException e = failure(
                "a", "type Query { t: T } type T @shareable { f(x: Int!): Int }",
                "b", "type Query { u: T } type T @shareable { f: Int }");

        assertThat(e.codes()).containsExactly("REQUIRED_ARGUMENT_MISSING_IN_SOME_SUBGRAPH");
    }

    @Test
    void rejectsFederationDirectiveThatWasNotImported() {
        CompositionException e = failureOf(List.of(raw("a", """
                extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key"])
                type Query { u: User } type User @key(fields: "id") { id: ID! name: String @shareable }""")));

        assertThat(e.codes()).containsExactly("UNKNOWN_FEDERATION_DIRECTIVE");
        assertThat(e.getMessage()).contains("@shareable", "\"User.name\"", "not imported");
    }

    @Test
    void rejectsImportOfDirectiveTheFederationSpecDoesNotDefine() {
        CompositionException e = failureOf(List.of(raw("a", """
                extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key", "@primary"])
                type Query { u: Int }""")));

        assertThat(e.codes()).containsExactly("UNKNOWN_FEDERATION_DIRECTIVE");
        assertThat(e.getMessage()).contains("\"@primary\"");
    }

    @Test
    void rejectsReferenceToUndefinedType() {
        CompositionException e = failure("a", "type Query { u: Usr }");

        assertThat(e.codes()).containsExactly("UNKNOWN_TYPE");
        assertThat(e.getMessage()).contains("\"Query.u\"", "\"Usr\"");
    }

    @Test
    void rejectsFieldOnlyReachableThroughSubgraphWithoutResolvableKey() {
        CompositionException e = failure(
                "a", "type Query { w: Wallet } type Wallet @key(fields: \"id\") { id: ID! }",
                "b", "type Wallet @key(fields: \"id\", resolvable: false) { id: ID! risk: Int }");

        assertThat(e.codes()).containsExactly("SATISFIABILITY_ERROR");
        assertThat(e.getMessage()).contains("\"Wallet.risk\"", "\"b\"", "no resolvable @key");
    }

    @Test
    void rejectsOverrideFromItsOwnSubgraph() {
        CompositionException e = failure("a", "type Query { p: P } type P @key(fields: \"id\") { id: ID! x: Int @override(from: \"a\") }");

        assertThat(e.codes()).containsExactly("OVERRIDE_FROM_SELF_ERROR");
    }

    @Test
    void rejectsOverrideFromASubgraphThatItselfOverridesTheField() {
        CompositionException e = failure(
                "a", "type Query { p: P } type P @key(fields: \"id\") { id: ID! x: Int @override(from: \"b\") }",
                "b", "type P @key(fields: \"id\") { id: ID! x: Int @override(from: \"a\") }");

        assertThat(e.codes()).containsExactly("OVERRIDE_SOURCE_HAS_OVERRIDE");
    }

    @Test
    void rejectsOverrideOfAFieldThatRequiresOthersInItsOldSubgraph() {
        CompositionException e = failure(
                "a", "type Query { p: P } type P @key(fields: \"id\") { id: ID! w: Int @external x: Int @requires(fields: \"w\") }",
                "b", "type P @key(fields: \"id\") { id: ID! w: Int x: Int @override(from: \"a\") }");

        assertThat(e.codes()).containsExactly("OVERRIDE_COLLISION_WITH_ANOTHER_DIRECTIVE");
        assertThat(e.getMessage()).contains("\"P.x\"", "subgraph \"a\"");
    }

    @Test
    void rejectsTypeThatIsOnlyEverExtended() {
        CompositionException e = failure(
                "a", "type Query { u: Int }",
                "b", "extend type Thing @key(fields: \"id\") { id: ID! }");

        assertThat(e.codes()).containsExactly("EXTENSION_WITH_NO_BASE");
    }

    @Test
    void rejectsSupergraphWithoutQueries() {
        CompositionException e = failure("a", "type Mutation { go: Int }");

        assertThat(e.codes()).containsExactly("NO_QUERIES");
    }

    @Test
    void rejectsSubgraphWhoseObjectLacksAFieldOfItsInterface() {
        CompositionException e = failure("a", "type Query { n: Node } interface Node { id: ID! name: String } type User implements Node { id: ID! }");

        assertThat(e.codes()).containsExactly("INVALID_GRAPHQL");
        assertThat(e.getMessage()).contains("\"User\"", "\"Node.name\"");
    }

    @Test
    void rejectsSupergraphObjectLackingAFieldAnotherSubgraphAddsToItsInterface() {
        CompositionException e = failure(
                "a", "type Query { n: Node } interface Node { id: ID! name: String } type User implements Node { id: ID! name: String }",
                "b", "type Query { m: Node } interface Node { id: ID! } type Team implements Node { id: ID! }");

        assertThat(e.codes()).containsExactly("INTERFACE_FIELD_NO_IMPLEM");
        assertThat(e.getMessage()).contains("\"Node.name\"", "\"Team\"");
    }

    @Test
    void rejectsDuplicateSubgraphNames() {
        CompositionException e = failureOf(List.of(raw("a", "type Query { x: Int }"), raw("a", "type Query { y: Int }")));

        assertThat(e.codes()).containsExactly("INVALID_SUBGRAPH_NAME");
    }

    @Test
    void reportsEveryErrorOfAStageNotOnlyTheFirst() {
        CompositionException e = failure(
                "a", "type Query { t: T u: User } type T @shareable { v: Int } type User @key(fields: \"id\") { id: ID! name: String }",
                "b", "type Query { s: T } type T @shareable { v: String } type User @key(fields: \"id\") { id: ID! name: String }");

        assertThat(e.codes()).containsExactlyInAnyOrder("FIELD_TYPE_MISMATCH", "INVALID_FIELD_SHARING");
        assertThat(e.errors()).hasSize(2);
        assertThat(e.getMessage()).startsWith("Composition failed with 2 error(s):");
    }
}
