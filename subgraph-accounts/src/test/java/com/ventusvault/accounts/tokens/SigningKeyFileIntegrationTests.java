package com.ventusvault.accounts.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import com.ventusvault.accounts.AccountsApplication;
import com.ventusvault.accounts.AccountsClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(classes = AccountsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=accounts", "ventus.accounts.tokens.ttl=5m"})
class SigningKeyFileIntegrationTests {

    static final RSAKey KEY = generate();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void signingKeyFile(DynamicPropertyRegistry registry) {
        try {
            Path file = Files.createTempFile("accounts-signing-key", ".json");
            file.toFile().deleteOnExit();
            Files.writeString(file, KEY.toJSONString());
            registry.add("ventus.accounts.tokens.signing-key-path", file::toString);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void signsWithTheConfiguredKeyForTheConfiguredLifetime() throws Exception {
        AccountsClient accounts = new AccountsClient(port);
        String token = accounts.register(AccountsClient.uniqueEmail());

        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo("file-key");
        assertThat(Duration.between(jwt.getJWTClaimsSet().getIssueTime().toInstant(),
                jwt.getJWTClaimsSet().getExpirationTime().toInstant())).isEqualTo(Duration.ofMinutes(5));

        String body = accounts.web("/.well-known/jwks.json").get().exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(JWKSet.parse(body).getKeyByKeyId("file-key").toRSAKey().getModulus()).isEqualTo(KEY.getModulus());
        accounts.graphQl(token).documentName("me").execute().path("me.id").hasValue();
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID("file-key").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
