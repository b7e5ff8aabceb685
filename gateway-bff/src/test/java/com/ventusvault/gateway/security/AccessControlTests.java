package com.ventusvault.gateway.security;

import com.ventusvault.gateway.supergraph.AccessRules;
import com.ventusvault.gateway.supergraph.Supergraph;
import com.ventusvault.gateway.supergraph.SupergraphLoader;
import com.ventusvault.platform.security.Viewer;
import graphql.language.AstPrinter;
import graphql.language.Document;
import graphql.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Access decisions on our supergraph, without HTTP: fragments, caching per kind of caller, the filtered document. */
class AccessControlTests {

    private static Supergraph supergraph;
    private static final Credentials CUSTOMER = new Credentials.Verified(
            new Viewer(UUID.randomUUID(), "ada@vv.io", List.of("CUSTOMER")));
    private static final Credentials SUPPORT = new Credentials.Verified(
            new Viewer(UUID.randomUUID(), "sam@vv.io", List.of("SUPPORT"), Set.of("users:read", "ledger:read")));

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = AccessControlTests.class.getResourceAsStream("/supergraph.graphql")) {
            supergraph = new SupergraphLoader().load(new String(in.readAllBytes(), StandardCharsets.UTF_8), "ours");
        }
    }

    private AccessControl control() {
        return new AccessControl(supergraph.apiSchema(), AccessRules.of(supergraph), 100);
    }

    @Test
    void aGuardedFieldInANamedFragmentIsRemovedFromTheFragment() {
        Document document = Parser.parse("""
                mutation { login(input: {email: "a", password: "b"}) { session { user { ...Card } } } }
                fragment Card on User { displayName wallets { id } }""");

        AccessControl.Decision decision = control().decide(document, "h1", null, Credentials.NONE);

        assertThat(decision).isInstanceOfSatisfying(AccessControl.Filtered.class, filtered -> {
            String printed = AstPrinter.printAstCompact(filtered.document());
            assertThat(printed).contains("fragment Card on User {displayName _authzTypename:__typename}")
                    .doesNotContain("wallets");
            assertThat(filtered.nothingLeft()).isFalse();
        });
    }

    @Test
    void aFieldSelectedThroughAnInlineFragmentIsGuardedToo() {
        Document document = Parser.parse("{ rates { pair } ... on Query { me { displayName } } }");

        AccessControl.Decision decision = control().decide(document, "h2", null, Credentials.NONE);

        assertThat(decision).isInstanceOfSatisfying(AccessControl.Filtered.class, filtered ->
                assertThat(AstPrinter.printAstCompact(filtered.document())).isEqualTo(
                        "{rates{pair}...on Query{_authzTypename:__typename}}"));
    }

    @Test
    void decisionsAreCachedPerOperationAndKindOfCaller() {
        AccessControl control = control();
        Document document = Parser.parse("{ me { displayName } verifyLedger { clean } rates { pair } }");

        AccessControl.Decision anonymous = control.decide(document, "h3", null, Credentials.NONE);
        AccessControl.Decision customer = control.decide(document, "h3", null, CUSTOMER);

        assertThat(control.decide(Parser.parse("{ me { displayName } verifyLedger { clean } rates { pair } }"), "h3",
                null, Credentials.NONE)).as("same text, parsed again: the cached decision").isSameAs(anonymous);
        assertThat(customer).isNotSameAs(anonymous).isInstanceOfSatisfying(AccessControl.Filtered.class,
                filtered -> assertThat(AstPrinter.printAstCompact(filtered.document()))
                        .isEqualTo("{me{displayName}rates{pair}}"));
        assertThat(control.decide(document, "h3", null, SUPPORT)).isInstanceOf(AccessControl.Allowed.class);
    }

    @Test
    void publicOperationsAreAllowedWithoutWork() {
        assertThat(control().decide(Parser.parse("{ rates { pair } }"), "h4", null, Credentials.NONE))
                .isInstanceOf(AccessControl.Allowed.class);
    }
}
