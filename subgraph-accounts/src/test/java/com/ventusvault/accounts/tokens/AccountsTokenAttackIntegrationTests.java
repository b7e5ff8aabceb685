package com.ventusvault.accounts.tokens;

import com.nimbusds.jose.jwk.RSAKey;
import com.ventusvault.accounts.AccountsClient;
import com.ventusvault.accounts.AccountsIntegrationTest;
import com.ventusvault.platform.testing.TokenAttack;
import com.ventusvault.platform.testing.TokenAttack.Victim;
import com.ventusvault.platform.testing.TokenAttackContract;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Accounts called directly with forged tokens for a registered user: neither GraphQL ({@code me}, the victim's
 * private fields) nor the internal email lookup payments uses answers anything but UNAUTHENTICATED.
 */
@AccountsIntegrationTest
class AccountsTokenAttackIntegrationTests implements TokenAttackContract {

    @LocalServerPort
    int port;

    @Autowired
    SigningKeys keys;

    Victim victim;

    @BeforeEach
    void aUserHasRegistered() {
        String email = AccountsClient.uniqueEmail();
        victim = Victim.customer(UUID.fromString(new AccountsClient(port).registerId(email)), email);
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public RSAKey trustedKey() {
        return keys.signingKey();
    }

    @Override
    public Victim victim() {
        return victim;
    }

    @Override
    public Map<String, Object> victimRequest() {
        return Map.of("query", "{ me { id email roles kycStatus } }");
    }

    @Override
    public String victimDataPath() {
        return "$.data.me.email";
    }

    @ParameterizedTest
    @EnumSource(TokenAttack.class)
    void theInternalEmailLookupAnswersTheGenuineTokenOnly(TokenAttack attack) {
        new AccountsClient(port).web("/internal/users/lookup").post()
                .header(HttpHeaders.AUTHORIZATION, attack.authorizationHeader(trustedKey(), victim))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", victim.email()))
                .exchange()
                .expectStatus().isEqualTo(attack == TokenAttack.GENUINE ? 200 : 401);
    }
}
