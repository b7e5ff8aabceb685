package com.ventusvault.gateway.transport.http;

import com.ventusvault.gateway.GatewayApplication;
import com.ventusvault.gateway.stubs.VentusStubs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway over real HTTP, in front of real stub subgraphs: GraphQL over HTTP, errors, introspection, pages. */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=gateway")
@AutoConfigureWebTestClient(timeout = "30s") // a shared machine: a cold first request may take more than 5 s
class GatewayHttpIntegrationTests {

    @RegisterExtension
    static final VentusStubs STUBS = new VentusStubs();

    @Autowired
    WebTestClient http;

    @BeforeEach
    void clear() {
        STUBS.log.clear();
    }

    @Test
    void answersQueriesAcrossSubgraphsAsJson() {
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).header("Authorization", STUBS.bearer("ada"))
                .bodyValue("{\"query\":\"{ me { displayName wallets { currency } } }\"}")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().json("{\"data\":{\"me\":{\"displayName\":\"Ada\",\"wallets\":[{\"currency\":\"USD\"},"
                        + "{\"currency\":\"BTC\"}]}}}");
    }

    @Test
    void usesGraphqlResponseJsonWhenAccepted() {
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.parseMediaType("application/graphql-response+json"))
                .bodyValue("{\"query\":\"{ rates { pair } }\"}")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("application/graphql-response+json");
    }

    @Test
    void rejectsMalformedJsonAndMissingQueryWith400() {
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue("{not json")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("BAD_REQUEST");
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"variables\":{}}")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("BAD_REQUEST");
    }

    @Test
    void reportsParseErrors() {
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"query\":\"{ me { \"}")
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("GRAPHQL_PARSE_FAILED");
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.parseMediaType("application/graphql-response+json"))
                .bodyValue("{\"query\":\"{ me { \"}")
                .exchange().expectStatus().isBadRequest();
    }

    @Test
    void reportsValidationErrorsWithMessageAndLocation() {
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\":\"{ me { nickname } }\"}")
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.errors[0].extensions.code").isEqualTo("GRAPHQL_VALIDATION_FAILED")
                .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains("nickname"))
                .jsonPath("$.errors[0].locations[0].line").isEqualTo(1)
                .jsonPath("$.data").doesNotExist();
        assertThat(STUBS.log).isEmpty();
    }

    @Test
    void servesQueriesOverGetButNotMutations() {
        http.get().uri(b -> b.path("/graphql").queryParam("query", "{q}").build("{ rates { pair } }"))
                .header("apollo-require-preflight", "true") // CSRF prevention: see RequestLimitsIntegrationTests
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.data.rates[0].pair").isEqualTo("BTC/USDT");
        http.get().uri(b -> b.path("/graphql").queryParam("query", "{q}")
                        .build("mutation { openWallet(currency: \"USD\") { wallet { id } } }"))
                .header("apollo-require-preflight", "true")
                .exchange().expectStatus().isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
                .expectHeader().valueEquals("Allow", "POST");
        assertThat(STUBS.requestsTo("payments")).isEmpty();
    }

    @Test
    void answersIntrospectionFromTheApiSchema() {
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\":\"{ __schema { queryType { name } types { name } } "
                        + "user: __type(name: \\\"User\\\") { name } }\"}")
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.__schema.queryType.name").isEqualTo("Query")
                .jsonPath("$.data.user.name").isEqualTo("User")
                .jsonPath("$.data.__schema.types[*].name").value(names -> assertThat(names.toString())
                        .contains("Wallet").doesNotContain("join__").doesNotContain("link__"));
        assertThat(STUBS.log).isEmpty();
    }

    @Test
    void graphiqlsFullIntrospectionQueryPassesTheLimitsInDevelopment() {
        String body = "{\"query\":" + tools.jackson.databind.node.JsonNodeFactory.instance
                .stringNode(graphql.introspection.IntrospectionQuery.INTROSPECTION_QUERY) + "}";
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.errors").doesNotExist()
                .jsonPath("$.data.__schema.queryType.name").isEqualTo("Query");
    }

    @Test
    void returnsThePlanWhenAsked() {
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).header("X-Ventus-Plan", "true")
                .bodyValue("{\"query\":\"{ rates { pair } }\"}")
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.extensions.queryPlan").value(p -> assertThat((String) p)
                        .contains("Fetch(service: \"markets\")"));
    }

    @Test
    void servesGraphiqlAndHealth() {
        http.get().uri("/graphiql").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).value(html -> assertThat(html).contains("/graphql"));
        http.get().uri("/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        http.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }
}
