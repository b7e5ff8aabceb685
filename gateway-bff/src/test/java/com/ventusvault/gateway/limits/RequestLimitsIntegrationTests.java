package com.ventusvault.gateway.limits;

import com.ventusvault.gateway.GatewayApplication;
import com.ventusvault.gateway.stubs.VentusStubs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Document limits, introspection switch, CSRF prevention and the request size over real HTTP, with the default
 * document limits (graphql-armor's), introspection off and a 4 KB request limit.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=gateway", "gateway.limits.introspection=false",
                "gateway.limits.max-request-size=4KB"})
@AutoConfigureWebTestClient(timeout = "30s")
class RequestLimitsIntegrationTests {

    @RegisterExtension
    static final VentusStubs STUBS = new VentusStubs();
    private static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");

    @Autowired
    WebTestClient http;

    @LocalServerPort
    int port;

    @BeforeEach
    void clear() {
        STUBS.log.clear();
    }

    private WebTestClient.ResponseSpec post(String query) {
        return http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\":\"" + query.replace("\"", "\\\"") + "\"}").exchange();
    }

    @Test
    void aTooDeepQueryIsRefusedBeforeAnySubgraphIsAsked() {
        // me wallets transfers edges node amount amount: depth 7
        post("{ me { wallets { transfers { edges { node { amount { amount } } } } } } }")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.errors[0].extensions.code").isEqualTo("MAX_DEPTH_EXCEEDED")
                .jsonPath("$.errors[0].message").isEqualTo("Query depth limit of 6 exceeded, found 7")
                .jsonPath("$.data").doesNotExist();
        assertThat(STUBS.log).isEmpty();
        // with application/graphql-response+json it is a 400, like a validation error
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(GRAPHQL_RESPONSE)
                .bodyValue("{\"query\":\"{ me { wallets { transfers { edges { node { amount { amount } } } } } } }\"}")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("MAX_DEPTH_EXCEEDED");
    }

    @Test
    void queriesWithinTheLimitsRun() {
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).header("Authorization", STUBS.bearer("ada"))
                .bodyValue("{\"query\":\"{ me { displayName wallets { currency } } }\"}").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.data.me.displayName").isEqualTo("Ada").jsonPath("$.errors").doesNotExist();
    }

    @Test
    void tooManyAliasesAreRefused() {
        StringBuilder aliases = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            aliases.append("a").append(i).append(": __typename ");
        }
        post("{ " + aliases + "}").expectStatus().isOk()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("MAX_ALIASES_EXCEEDED");
        post("{ " + aliases.substring(0, aliases.lastIndexOf("a15")) + "}").expectStatus().isOk()
                .expectBody().jsonPath("$.data.a14").isEqualTo("Query");
    }

    @Test
    void tooManyDirectivesAreRefused() {
        post("{ " + "__typename @include(if: true) ".repeat(51) + "}").expectStatus().isOk()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("MAX_DIRECTIVES_EXCEEDED");
    }

    @Test
    void tooManyTokensAreRefused() {
        post("{ " + "a ".repeat(1100) + "}") // 2.2 KB, within the size limit.expectStatus().isOk()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("MAX_TOKENS_EXCEEDED");
    }

    @Test
    void tooCostlyQueriesAreRefused() {
        String fragment = "fragment F on Query { " + "__typename ".repeat(100) + "}";
        post("{ " + "...F ".repeat(60) + "} " + fragment).expectStatus().isOk()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("MAX_COST_EXCEEDED");
    }

    @Test
    void introspectionCanBeSwitchedOff() {
        post("{ __schema { queryType { name } } }").expectStatus().isOk()
                .expectBody()
                .jsonPath("$.errors[0].extensions.code").isEqualTo("INTROSPECTION_DISABLED")
                .jsonPath("$.data").doesNotExist();
        post("{ __type(name: \"User\") { name } }").expectStatus().isOk()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("INTROSPECTION_DISABLED");
        post("{ __typename }").expectStatus().isOk().expectBody().jsonPath("$.data.__typename").isEqualTo("Query");
    }

    @Test
    void aSimpleGetWithoutAPreflightHeaderIsRefusedAsCsrf() {
        http.get().uri(b -> b.path("/graphql").queryParam("query", "{q}").build("{ rates { pair } }"))
                .exchange().expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].extensions.code").isEqualTo("CSRF_ERROR")
                .jsonPath("$.errors[0].message").value(m -> assertThat((String) m)
                        .contains("apollo-require-preflight", "x-apollo-operation-name"));
        assertThat(STUBS.log).isEmpty();
        http.get().uri(b -> b.path("/graphql").queryParam("query", "{q}").build("{ rates { pair } }"))
                .header("apollo-require-preflight", "true")
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.data.rates[0].pair").isEqualTo("BTC/USDT");
        http.get().uri(b -> b.path("/graphql").queryParam("query", "{q}").build("{ rates { pair } }"))
                .header("x-apollo-operation-name", "Rates")
                .exchange().expectStatus().isOk();
    }

    @Test
    void aFormLikePostIsRefusedAsCsrfEvenWhenItsBodyIsJson() {
        for (String type : new String[]{"text/plain", "application/x-www-form-urlencoded", "multipart/form-data",
                "text/plain;charset=utf-8"}) {
            http.post().uri("/graphql").header("Content-Type", type)
                    .bodyValue("{\"query\":\"mutation { openWallet(currency: \\\"USD\\\") { wallet { id } } }\"}")
                    .exchange().expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("CSRF_ERROR");
        }
        assertThat(STUBS.log).isEmpty();
    }

    @Test
    void aBodyOverTheSizeLimitGets413() {
        String big = "{\"query\":\"{ __typename }\",\"variables\":{\"pad\":\"" + "x".repeat(5000) + "\"}}";
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(big)
                .exchange().expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("REQUEST_TOO_LARGE");
    }

    @Test
    void aChunkedBodyIsCutOffAtTheSizeLimit() throws Exception {
        String big = "{\"query\":\"{ __typename }\",\"variables\":{\"pad\":\"" + "x".repeat(20_000) + "\"}}";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() ->
                        new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))) // no length: chunked
                .build();
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.body()).contains("REQUEST_TOO_LARGE");
        }
    }

    @Test
    void aBodyWithinTheLimitIsServed() {
        String fine = "{\"query\":\"{ __typename }\",\"variables\":{\"pad\":\"" + "x".repeat(3000) + "\"}}";
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(fine)
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.data.__typename").isEqualTo("Query");
    }
}
