package com.ventusvault.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.ventusvault.platform.requests.RequestFacts;
import com.ventusvault.platform.testing.GraphQlSocketProbe;
import com.ventusvault.platform.testing.TestTokens;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * graphql-transport-ws on a real server and a real socket: the token in {@code connection_init} (key in any case) makes
 * every operation on the connection run as its viewer, exactly as the {@code Authorization} header does over HTTP; no
 * token is an anonymous connection; a refused token closes the connection with 4401; a token whose keys cannot be had
 * yet is judged again for each operation; the payload's {@code X-Request-Id} reaches {@link RequestFacts}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ventus.subgraph.name=sockettest",
        "spring.graphql.websocket.path=/graphql",
        "ventus.auth.jwks-refresh-interval=0s",
        "ventus.database.schema=platformtest",
        "spring.flyway.locations=classpath:db/platformtest"})
class WebSocketViewerIntegrationTests {

    private static final TestTokens TOKENS = TestTokens.start();
    /** An issuer key the app only learns once the keys are back (a rotation it has not seen yet). */
    private static final TestTokens ROTATED = TestTokens.start();
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String SIGNED_IN = "subscription { signedIn { userId requestId } }";
    private static final String ANYONE = "subscription { anyone { userId requestId } }";

    @LocalServerPort
    int port;

    @Autowired
    SwitchableKeys keys;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("ventus.auth.jwks-uri", TOKENS::jwksUri);
    }

    @AfterAll
    static void stopIssuers() {
        TOKENS.close();
        ROTATED.close();
    }

    @Test
    void aTokenInConnectionInitMakesEveryOperationOnTheConnectionRunAsItsViewer() {
        UUID user = UUID.randomUUID();
        WebSocketGraphQlClient client = client(Map.of("authorization", "bearer " + TOKENS.tokenFor(user, "a@example.com"),
                "x-request-id", "gateway-req-42"));
        try {
            assertThat(caller(client, SIGNED_IN, "signedIn")).isEqualTo(Map.of("userId", user.toString(),
                    "requestId", "gateway-req-42"));
            assertThat(caller(client, ANYONE, "anyone")).isEqualTo(Map.of("userId", user.toString(),
                    "requestId", "gateway-req-42"));
        } finally {
            client.stop().block(WAIT);
        }
    }

    @Test
    void aConnectionWithoutATokenIsAnonymousAndGetsAFreshRequestIdForAnUnsafeOne() {
        WebSocketGraphQlClient client = client(Map.of("X-Request-Id", "has spaces\nand a newline"));
        try {
            Map<String, Object> anonymous = caller(client, ANYONE, "anyone");
            assertThat(anonymous.get("userId")).isNull();
            assertThat(UUID.fromString((String) anonymous.get("requestId"))).isNotNull();
            assertThatThrownBy(() -> client.document(SIGNED_IN).executeSubscription().blockLast(WAIT))
                    .isInstanceOfSatisfying(SubscriptionErrorException.class, e ->
                            assertThat(e.getErrors().toString()).contains("UNAUTHENTICATED"));
        } finally {
            client.stop().block(WAIT);
        }
    }

    @Test
    void aRefusedTokenInConnectionInitClosesTheConnectionWith4401() {
        UUID user = UUID.randomUUID();
        for (String refused : List.of("Bearer " + TOKENS.expiredTokenFor(user, "a@example.com"),
                "Bearer " + TOKENS.tokenSignedByAnotherKey(user, "a@example.com"), "Bearer not-a-jwt",
                "Basic " + TOKENS.tokenFor(user, "a@example.com"))) {
            GraphQlSocketProbe.Outcome outcome = GraphQlSocketProbe.connectionInit(uri(), Map.of("Authorization", refused),
                    WAIT);
            assertThat(outcome.closeStatus()).as(refused).isNotNull();
            assertThat(outcome.closeStatus().getCode()).as(refused).isEqualTo(4401);
            assertThat(outcome.messages()).as("no connection_ack for " + refused).isEmpty();
        }
        GraphQlSocketProbe.Outcome accepted = GraphQlSocketProbe.connectionInit(uri(),
                Map.of("Authorization", "Bearer " + TOKENS.tokenFor(user, "a@example.com")), Duration.ofMillis(500));
        assertThat(accepted.closeStatus()).isNull();
        assertThat(accepted.messages()).singleElement().asString().contains("connection_ack");
    }

    @Test
    void aTokenWhoseKeysCannotBeHadAtConnectionInitIsJudgedAgainForEachOperation() {
        UUID user = UUID.randomUUID();
        keys.down = true;
        WebSocketGraphQlClient client = client(Map.of("Authorization", "Bearer " + ROTATED.tokenFor(user, "r@example.com")));
        try {
            assertThatThrownBy(() -> client.document(SIGNED_IN).executeSubscription().blockLast(WAIT))
                    .as("keys still missing: our failure, not the client's")
                    .isInstanceOfSatisfying(SubscriptionErrorException.class, e ->
                            assertThat(e.getErrors().toString()).contains("INTERNAL").doesNotContain("UNAUTHENTICATED"));

            keys.down = false;
            keys.extra = ROTATED.publicKeys().getKeys();
            assertThat(caller(client, SIGNED_IN, "signedIn").get("userId")).isEqualTo(user.toString());
            assertThat(caller(client, ANYONE, "anyone").get("userId")).isEqualTo(user.toString());
        } finally {
            keys.down = false;
            client.stop().block(WAIT);
        }
    }

    // ---------------------------------------------------------------- helpers

    @SuppressWarnings("unchecked")
    private static Map<String, Object> caller(WebSocketGraphQlClient client, String document, String field) {
        List<ClientGraphQlResponse> responses = client.document(document).executeSubscription().collectList().block(WAIT);
        assertThat(responses).hasSize(1);
        return responses.getFirst().field(field).toEntity(Map.class);
    }

    private URI uri() {
        return URI.create("ws://localhost:" + port + "/graphql");
    }

    private WebSocketGraphQlClient client(Map<String, Object> init) {
        return WebSocketGraphQlClient.builder(uri(), new ReactorNettyWebSocketClient())
                .interceptor(new WebSocketGraphQlClientInterceptor() {
                    @Override
                    public Mono<Object> connectionInitPayload() {
                        return Mono.just(init);
                    }
                })
                .build();
    }

    /** The app's signing keys: the shared test issuer's, plus {@link #extra} once added; failing while {@link #down}. */
    static final class SwitchableKeys implements SigningKeySource {

        volatile boolean down;
        volatile List<JWK> extra = List.of();

        @Override
        public Mono<JWKSet> fetch() {
            if (down) {
                return Mono.error(new IllegalStateException("accounts is down"));
            }
            List<JWK> all = new ArrayList<>(TOKENS.publicKeys().getKeys());
            all.addAll(extra);
            return Mono.just(new JWKSet(all));
        }
    }

    /** Who a subscription runs as, and under which request id. */
    record Caller(String userId, String requestId) {

        static Caller of(Optional<Viewer> viewer, RequestFacts facts) {
            return new Caller(viewer.map(v -> v.userId().toString()).orElse(null), facts.requestId());
        }
    }

    /** The controller is imported: scanning skips classes nested in test classes. */
    @SpringBootApplication
    @Import(CallerController.class)
    static class SocketApp {

        @Bean
        SwitchableKeys signingKeySource() {
            return new SwitchableKeys();
        }
    }

    @Controller
    static class CallerController {

        @QueryMapping
        Caller caller(Optional<Viewer> viewer, RequestFacts facts) {
            return Caller.of(viewer, facts);
        }

        @SubscriptionMapping
        Flux<Caller> signedIn(Viewer viewer, RequestFacts facts) {
            return Flux.just(Caller.of(Optional.of(viewer), facts));
        }

        @SubscriptionMapping
        Flux<Caller> anyone(Optional<Viewer> viewer, RequestFacts facts) {
            return Flux.just(Caller.of(viewer, facts));
        }
    }
}
