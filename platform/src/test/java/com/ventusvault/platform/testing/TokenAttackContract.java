package com.ventusvault.platform.testing;

import com.nimbusds.jose.jwk.RSAKey;
import com.ventusvault.platform.testing.TokenAttack.Victim;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The token attacks every subgraph must refuse when called directly, without the gateway: a subgraph's test class
 * implements this interface (one line per answer below) and inherits the tests. Each {@link TokenAttack} forges a
 * token for a victim who has data there; the subgraph must answer one UNAUTHENTICATED error and no data at all, for
 * the victim's data and for public fields alike (nothing runs under a refused token). The victim's genuine token must
 * get the data, so the refusals are not an accident of a broken request.
 */
public interface TokenAttackContract {

    /** The HTTP port of the subgraph under test. */
    int port();

    /** The private key whose public half the subgraph trusts (with the published {@code kid}). */
    RSAKey trustedKey();

    /** Who the attacker pretends to be; must have data in this subgraph that {@link #victimRequest()} reads. */
    Victim victim();

    /** A GraphQL request body ({@code query}, optional {@code variables}) the victim's own token gets data for. */
    Map<String, Object> victimRequest();

    /** A JSON path into the answer to {@link #victimRequest()} that holds the victim's data. */
    String victimDataPath();

    /** A request any caller may make (default: the subgraph's SDL, which every subgraph serves to anyone). */
    default Map<String, Object> publicRequest() {
        return Map.of("query", "{ _service { sdl } }");
    }

    @Test
    default void theVictimsGenuineTokenGetsTheData() {
        post(victimRequest(), TokenAttack.GENUINE.authorizationHeader(trustedKey(), victim()))
                .jsonPath("$.errors").doesNotExist()
                .jsonPath(victimDataPath()).exists();
    }

    @ParameterizedTest
    @EnumSource(value = TokenAttack.class, names = "GENUINE", mode = EnumSource.Mode.EXCLUDE)
    default void aForgedTokenGetsOneUnauthenticatedErrorAndNoneOfTheVictimsData(TokenAttack attack) {
        expectRefused(post(victimRequest(), attack.authorizationHeader(trustedKey(), victim())));
    }

    @ParameterizedTest
    @EnumSource(value = TokenAttack.class, names = "GENUINE", mode = EnumSource.Mode.EXCLUDE)
    default void aForgedTokenGetsNotEvenPublicFields(TokenAttack attack) {
        expectRefused(post(publicRequest(), attack.authorizationHeader(trustedKey(), victim())));
    }

    private static void expectRefused(WebTestClient.BodyContentSpec body) {
        body.jsonPath("$.data").doesNotExist()
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].extensions.code").isEqualTo("UNAUTHENTICATED")
                .jsonPath("$.errors[0].message").value(String.class,
                        message -> org.assertj.core.api.Assertions.assertThat(message).startsWith("The access token was refused"));
    }

    private WebTestClient.BodyContentSpec post(Map<String, Object> request, String authorization) {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port()).responseTimeout(Duration.ofSeconds(30))
                .build()
                .post().uri("/graphql")
                .header(HttpHeaders.AUTHORIZATION, authorization)
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                .bodyValue(request)
                .exchange()
                .expectStatus().isOk()
                .expectBody();
    }
}
