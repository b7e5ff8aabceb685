package com.ventusvault.gateway.security;

import com.ventusvault.gateway.GatewayApplication;
import com.ventusvault.gateway.stubs.VentusStubs;
import com.ventusvault.platform.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway checks every access token itself, with the verifier the subgraphs use: a token that is sent must be
 * valid, or the request gets HTTP 401 with an UNAUTHENTICATED error and reaches no subgraph. Each test tries the attack.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=gateway")
@AutoConfigureWebTestClient(timeout = "30s")
class GatewayTokenIntegrationTests {

    @RegisterExtension
    static final VentusStubs STUBS = new VentusStubs();
    private static final String ME = "{\"query\":\"{ me { displayName } rates { pair } }\"}";

    @Autowired
    WebTestClient http;

    @BeforeEach
    void clear() {
        STUBS.log.clear();
    }

    @Test
    void aValidTokenIsAcceptedAndForwardedToTheSubgraphs() {
        post(STUBS.bearer("ada")).expectStatus().isOk()
                .expectBody().json("{\"data\":{\"me\":{\"displayName\":\"Ada\"}}}");
        assertThat(STUBS.requestsTo("accounts")).extracting(r -> r.authorization()).containsOnly(STUBS.bearer("ada"));
    }

    @Test
    void anUnsignedTokenWithAlgNoneIsRefused() {
        String valid = STUBS.bearer("ada").substring("Bearer ".length());
        String header = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String unsigned = header + "." + valid.split("\\.")[1] + ".";

        expectRefused("Bearer " + unsigned, "not a signed JWT");
    }

    @Test
    void anExpiredTokenIsRefused() {
        expectRefused("Bearer " + STUBS.tokens().expiredTokenFor(UUID.randomUUID(), "ada@vv.io"), "expired");
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() {
        expectRefused("Bearer " + STUBS.tokens().tokenSignedByAnotherKey(UUID.randomUUID(), "ada@vv.io"), "signature");
    }

    @Test
    void aTamperedTokenIsRefused() {
        String[] parts = STUBS.bearer("bob").substring("Bearer ".length()).split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("bob@vv.io", "ada@vv.io");

        expectRefused("Bearer " + parts[0] + "." + base64(claims) + "." + parts[2], "signature");
    }

    @Test
    void aTokenFromAnotherIssuerOrForAnotherAudienceIsRefused() {
        Instant later = Instant.now().plusSeconds(600);
        expectRefused("Bearer " + STUBS.tokens().token(UUID.randomUUID(), "ada@vv.io", "https://evil.example",
                TestTokens.AUDIENCE, later), "issued by someone else");
        expectRefused("Bearer " + STUBS.tokens().token(UUID.randomUUID(), "ada@vv.io", TestTokens.ISSUER,
                "another-api", later), "not meant for this API");
    }

    @Test
    void aTokenFromAStrangerKeySetIsRefused() {
        try (TestTokens strangers = TestTokens.start()) {
            expectRefused("Bearer " + strangers.tokenFor(UUID.randomUUID(), "ada@vv.io"), "unknown key");
        }
    }

    @Test
    void garbageAndOtherSchemesAreRefused() {
        expectRefused("Bearer not-a-jwt", "not a signed JWT");
        expectRefused("Basic YWRhOnNlY3JldA==", "Bearer");
    }

    @Test
    void withoutATokenTheCallerIsAnonymousNotRefused() {
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\":\"{ rates { pair } }\"}").exchange()
                .expectStatus().isOk()
                .expectBody().json("{\"data\":{\"rates\":[{\"pair\":\"BTC/USDT\"},{\"pair\":\"USD/NGN\"}]}}");
    }

    private void expectRefused(String authorization, String reason) {
        post(authorization).expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .expectBody()
                .jsonPath("$.data").doesNotExist()
                .jsonPath("$.errors[0].extensions.code").isEqualTo("UNAUTHENTICATED")
                .jsonPath("$.errors[0].message").value(String.class, message -> assertThat(message).contains(reason));
        assertThat(STUBS.log).as("a refused request reaches no subgraph").isEmpty();
    }

    private WebTestClient.ResponseSpec post(String authorization) {
        return http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", authorization).bodyValue(ME).exchange();
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
