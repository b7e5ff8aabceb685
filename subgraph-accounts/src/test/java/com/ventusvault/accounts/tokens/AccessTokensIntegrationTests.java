package com.ventusvault.accounts.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.ventusvault.accounts.AccountsClient;
import com.ventusvault.accounts.AccountsIntegrationTest;
import com.ventusvault.accounts.domain.Role;
import com.ventusvault.accounts.domain.User;
import com.ventusvault.accounts.domain.UserId;
import com.ventusvault.accounts.persistence.UserRepository;
import com.ventusvault.platform.testing.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;

@AccountsIntegrationTest
class AccessTokensIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AccessTokenIssuer issuer;

    @Autowired
    UserRepository users;

    AccountsClient accounts;

    @BeforeEach
    void connect() {
        accounts = new AccountsClient(port);
    }

    @Test
    void accessTokenVerifiesAgainstTheServedJwks() throws Exception {
        String email = AccountsClient.uniqueEmail();
        String token = accounts.register(email);

        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(accounts.baseUrl() + "/.well-known/jwks.json")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(
                value -> assertThat(value).contains("max-age=300"));
        JWKSet jwks = JWKSet.parse(response.body());
        assertThat(jwks.getKeys()).allSatisfy(key -> assertThat(key.isPrivate()).isFalse());

        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        RSAKey key = (RSAKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(key).as("the token's kid is published").isNotNull();
        assertThat(key.size()).isGreaterThanOrEqualTo(2048);
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();

        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("https://accounts.ventusvault.local");
        assertThat(claims.getAudience()).containsExactly("ventusvault-api");
        assertThat(UUID.fromString(claims.getSubject())).isNotNull();
        assertThat(claims.getStringClaim("email")).isEqualTo(email);
        assertThat(claims.getStringListClaim("roles")).containsExactly("CUSTOMER");
        assertThat(claims.getClaims()).as("customers are granted no scope").doesNotContainKey("scope");
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void staffTokensCarryTheScopesOfTheirRoles() throws Exception {
        UserId id = new UserId(UUID.fromString(accounts.registerId(AccountsClient.uniqueEmail())));
        User user = users.findById(id).block();
        User admin = new User(user.id(), user.email(), user.displayName(), user.phone(),
                List.of(Role.CUSTOMER, Role.ADMIN), user.kycStatus(), user.createdAt());

        JWTClaimsSet claims = SignedJWT.parse(issuer.issue(admin, Instant.now()).accessToken()).getJWTClaimsSet();

        assertThat(claims.getStringClaim("scope")).isEqualTo("users:read kyc:write ledger:read roles:write audit:read");
    }

    @Test
    void meWithoutATokenIsUnauthenticated() {
        GraphQlTester.Response response = accounts.graphQl().documentName("me").execute();
        expectUnauthenticated(response);
    }

    @Test
    void meWithAnExpiredTokenIsUnauthenticated() {
        String email = AccountsClient.uniqueEmail();
        UserId id = new UserId(UUID.fromString(accounts.registerId(email)));
        User user = users.findById(id).block();
        String expired = issuer.issue(user, Instant.now().minus(Duration.ofHours(1))).accessToken();

        expectRefused(accounts.graphQl(expired).documentName("me").execute());
    }

    @Test
    void meWithATamperedTokenIsUnauthenticated() {
        String token = accounts.register(AccountsClient.uniqueEmail());
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = payload.replaceFirst("\"roles\":\\[\"CUSTOMER\"]", "\"roles\":[\"ADMIN\"]");
        assertThat(forged).isNotEqualTo(payload);
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(forged.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        expectRefused(accounts.graphQl(tampered).documentName("me").execute());
    }

    @Test
    void meWithATokenFromAnotherIssuerKeyIsUnauthenticated() {
        try (TestTokens strangers = TestTokens.start()) {
            String foreign = strangers.tokenFor(UUID.randomUUID(), "mallory@example.com");
            expectRefused(accounts.graphQl(foreign).documentName("me").execute());
        }
    }

    private static void expectUnauthenticated(GraphQlTester.Response response) {
        response.errors()
                .expect(error -> "UNAUTHENTICATED".equals(error.getExtensions().get("code"))
                        && List.of("me").equals(error.getParsedPath()))
                .verify()
                .path("me").valueIsNull();
    }

    /** A refused token refuses the whole request: one UNAUTHENTICATED error, no path, no data. */
    private static void expectRefused(GraphQlTester.Response response) {
        response.errors()
                .expect(error -> "UNAUTHENTICATED".equals(error.getExtensions().get("code"))
                        && error.getParsedPath().isEmpty())
                .verify()
                .path("me").pathDoesNotExist();
    }
}
