package com.ventusvault.gateway.transport.http;

import com.ventusvault.gateway.GatewayApplication;
import com.ventusvault.gateway.document.DocumentStage;
import com.ventusvault.gateway.stubs.VentusStubs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code gateway.mode: production}: no query plans (the header is ignored even with expose-query-plan true), no
 * GraphiQL, no "Did you mean" suggestions. Development mode is the default: see
 * {@link GatewayHttpIntegrationTests#returnsThePlanWhenAsked()} and {@code servesGraphiqlAndHealth()}.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=gateway", "gateway.mode=production", "gateway.expose-query-plan=true"})
@AutoConfigureWebTestClient(timeout = "30s")
class ProductionModeTests {

    @RegisterExtension
    static final VentusStubs STUBS = new VentusStubs();

    @Autowired
    WebTestClient http;

    @Test
    void ignoresThePlanHeader() {
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).header("X-Ventus-Plan", "true")
                .bodyValue("{\"query\":\"{ rates { pair } }\"}")
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data.rates[0].pair").isEqualTo("BTC/USDT")
                .jsonPath("$.extensions").doesNotExist();
    }

    @Test
    void introspectionIsOffUnlessConfigured() {
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\":\"{ __schema { queryType { name } } }\"}")
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.errors[0].extensions.code").isEqualTo("INTROSPECTION_DISABLED")
                .jsonPath("$.data").doesNotExist();
    }

    @Test
    void servesNoGraphiqlButStillHealth() {
        http.get().uri("/graphiql").exchange().expectStatus().isNotFound();
        http.get().uri("/health").exchange().expectStatus().isOk();
    }

    @Test
    void validationMessagesCarryNoSuggestions() {
        http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\":\"{ me { displayNam } }\"}")
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.errors[0].extensions.code").isEqualTo("GRAPHQL_VALIDATION_FAILED")
                .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains("displayNam")
                        .doesNotContainIgnoringCase("did you mean"));
    }

    @Test
    void suggestionSentencesAreCutFromMessages() {
        assertThat(DocumentStage.withoutSuggestions("Cannot query field \"displayNam\" on type \"User\". "
                + "Did you mean \"displayName\"?")).isEqualTo("Cannot query field \"displayNam\" on type \"User\".");
        assertThat(DocumentStage.withoutSuggestions("Unknown type 'Walet'. Did you mean 'Wallet' or 'Wallets'? "
                + "See the schema.")).isEqualTo("Unknown type 'Walet'. See the schema.");
        assertThat(DocumentStage.withoutSuggestions("Field 'x' in type 'User' is undefined"))
                .isEqualTo("Field 'x' in type 'User' is undefined");
    }
}
