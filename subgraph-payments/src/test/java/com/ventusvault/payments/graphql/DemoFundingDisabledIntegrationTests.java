package com.ventusvault.payments.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.ventusvault.payments.graphql.PaymentsTestServer.User;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=payments")
class DemoFundingDisabledIntegrationTests {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PaymentsTestServer.properties(registry);
    }

    @Test
    void depositIsForbiddenUnlessDemoFundingIsTurnedOn() {
        User alice = PaymentsTestServer.newUser(port);
        String usd = alice.openWallet("USD");
        alice.api().documentName("deposit").variable("input", Map.of("walletId", usd, "amount", "10",
                        "idempotencyKey", "k")).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN");
                    assertThat(error.getMessage()).contains("demo-funding");
                }));
    }
}
