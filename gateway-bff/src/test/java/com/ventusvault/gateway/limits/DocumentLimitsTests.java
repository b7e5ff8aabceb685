package com.ventusvault.gateway.limits;

import graphql.introspection.IntrospectionQuery;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** The document limits on their own: how depth, aliases, directives, tokens and cost are counted, graphql-armor style. */
class DocumentLimitsTests {

    private static LimitsProperties.QueryProperties defaults() {
        return new LimitsProperties.QueryProperties(6, 15, 50, 1000, 5000, 2, 1, 1.5, 100);
    }

    private final DocumentLimits limits = new DocumentLimits(defaults(), true);

    private static List<String> codes(List<ObjectNode> errors) {
        return errors.stream().map(e -> e.get("extensions").get("code").asString()).toList();
    }

    private static String nested(int depth) {
        return "{ " + "a { ".repeat(depth - 1) + "b" + " }".repeat(depth - 1) + " }";
    }

    @Test
    void aRootFieldIsDepthOneAndSixLevelsPass() {
        assertThat(limits.check(nested(6))).isEmpty();
        assertThat(codes(limits.check(nested(7)))).containsExactly("MAX_DEPTH_EXCEEDED");
        assertThat(limits.check(nested(7)).getFirst().get("message").asString())
                .isEqualTo("Query depth limit of 6 exceeded, found 7");
    }

    @Test
    void fragmentsAddNoDepthButTheirFieldsDo() {
        String inFragments = "query { a { ...F } } fragment F on T { b { ... on T { c { d { e { f } } } } } }";
        assertThat(limits.check(inFragments)).isEmpty(); // a b c d e f = 6
        String deeper = "query { a { ...F } } fragment F on T { b { ... on T { c { d { e { f { g } } } } } } }";
        assertThat(codes(limits.check(deeper))).containsExactly("MAX_DEPTH_EXCEEDED");
    }

    @Test
    void theWorstOperationOfTheDocumentCounts() {
        assertThat(codes(limits.check("query A { a } query B " + nested(7).substring(0)))).containsExactly(
                "MAX_DEPTH_EXCEEDED");
    }

    @Test
    void aliasesAreCountedThroughFragmentsPerSpread() {
        String fifteen = "{ " + aliases(15) + " }";
        assertThat(limits.check(fifteen)).isEmpty();
        assertThat(codes(limits.check("{ " + aliases(16) + " }"))).containsExactly("MAX_ALIASES_EXCEEDED");
        String spreadTwice = "{ ...F ...F } fragment F on Query { " + aliases(8) + " }";
        assertThat(codes(limits.check(spreadTwice))).containsExactly("MAX_ALIASES_EXCEEDED");
    }

    @Test
    void directivesAreCountedOnFieldsFragmentsAndOperations() {
        assertThat(limits.check("query @a { " + "x @include(if: true) ".repeat(49) + "}")).isEmpty();
        assertThat(codes(limits.check("query @a { " + "x @include(if: true) ".repeat(50) + "}")))
                .containsExactly("MAX_DIRECTIVES_EXCEEDED");
    }

    @Test
    void tokensAreCountedByTheParserWhichStopsAtTheLimit() {
        assertThat(limits.check("{ " + "__typename ".repeat(900) + "}")).isEmpty();
        assertThat(codes(limits.check("{ " + "__typename ".repeat(1200) + "}"))).containsExactly(
                "MAX_TOKENS_EXCEEDED");
    }

    @Test
    void costGrowsWithDepthAndWithEverySpread() {
        // a fragment of 100 leaves (cost 100) spread 51 times at the root: 5100 > 5000, in a few hundred tokens
        String fragment = "fragment F on Query { " + "__typename ".repeat(100) + "}";
        assertThat(limits.check("{ " + "...F ".repeat(50) + "} " + fragment)).isEmpty();
        assertThat(codes(limits.check("{ " + "...F ".repeat(51) + "} " + fragment)))
                .containsExactly("MAX_COST_EXCEEDED");
        // one level down every leaf costs 1.5 plus 2 for the object: { a { 3 leaves } } = 2 + 1.5 * 3 = 6.5
        var tight = new DocumentLimits(new LimitsProperties.QueryProperties(6, 15, 50, 1000, 6, 2, 1, 1.5, 10), true);
        assertThat(codes(tight.check("{ a { b c d } }"))).containsExactly("MAX_COST_EXCEEDED");
        assertThat(tight.check("{ a { b c } }")).isEmpty(); // 2 + 1.5 * 2 = 5
    }

    @Test
    void aFragmentBombIsMeasuredInLinearTime() {
        StringBuilder document = new StringBuilder("{ ...F0 }");
        for (int i = 0; i < 40; i++) {
            document.append(" fragment F").append(i).append(" on Query { ...F").append(i + 1).append(" ...F")
                    .append(i + 1).append(" }");
        }
        document.append(" fragment F40 on Query { a: __typename }");
        assertThatCode(() -> assertThat(codes(limits.check(document.toString())))
                .contains("MAX_ALIASES_EXCEEDED", "MAX_COST_EXCEEDED")).doesNotThrowAnyException();
    }

    @Test
    void introspectionIsLeftOutOfDepthAndCostAndFollowsTheSwitch() {
        assertThat(limits.check(IntrospectionQuery.INTROSPECTION_QUERY)).isEmpty();
        DocumentLimits closed = new DocumentLimits(defaults(), false);
        assertThat(codes(closed.check(IntrospectionQuery.INTROSPECTION_QUERY))).containsExactly("INTROSPECTION_DISABLED");
        assertThat(codes(closed.check("{ t: __type(name: \"User\") { name } }"))).containsExactly(
                "INTROSPECTION_DISABLED");
        assertThat(codes(closed.check("{ ...F } fragment F on Query { __schema { types { name } } }")))
                .containsExactly("INTROSPECTION_DISABLED");
        assertThat(closed.check("{ __typename }")).isEmpty();
    }

    @Test
    void syntaxErrorsAreLeftToTheDocumentStage() {
        assertThat(limits.check("{ a { ")).isEmpty();
    }

    @Test
    void zeroTurnsALimitOff() {
        var off = new DocumentLimits(new LimitsProperties.QueryProperties(0, 0, 0, 0, 0, 2, 1, 1.5, 10), true);
        assertThat(off.check(nested(30) + " ")).isEmpty();
        assertThat(off.check("{ " + aliases(100) + " }")).isEmpty();
    }

    @Test
    void theVerdictIsCachedPerDocumentText() {
        String document = nested(7);
        assertThat(limits.check(document)).isSameAs(limits.check(new String(document.toCharArray())));
    }

    @Test
    void bucketPropertiesRefuseNonsense() {
        assertThatCode(() -> new LimitsProperties.BucketProperties(0, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String aliases(int n) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            text.append("a").append(i).append(": __typename ");
        }
        return text.toString();
    }
}
