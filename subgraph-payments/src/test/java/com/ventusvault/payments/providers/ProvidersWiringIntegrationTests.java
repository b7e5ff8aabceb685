package com.ventusvault.payments.providers;

import static org.assertj.core.api.Assertions.assertThat;

import com.ventusvault.payments.PaymentsApplication;
import com.ventusvault.platform.testing.TestTokens;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The payments app wires one {@link PayoutProviders} and one {@link ProviderWebhooks} from {@code payments.yml}
 * (defaults as documented), and the beans reach a provider at the configured base URL.
 */
@SpringBootTest(classes = PaymentsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=payments")
class ProvidersWiringIntegrationTests {

    private static final TestTokens TOKENS = TestTokens.start();
    private static final ProviderSimulatorServer SIMULATOR = new ProviderSimulatorServer();

    @Autowired
    PayoutProviders providers;

    @Autowired
    ProviderWebhooks webhooks;

    @Autowired
    ProvidersProperties properties;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("ventus.auth.jwks-uri", TOKENS::jwksUri);
        ProvidersProperties simulator = SIMULATOR.properties(Duration.ofSeconds(2), Duration.ofSeconds(60));
        registry.add("ventus.payments.providers.paystack.base-url", () -> simulator.paystack().baseUrl().toString());
    }

    @AfterAll
    static void stop() {
        SIMULATOR.close();
    }

    @Test
    void payoutProvidersAreWiredFromPaymentsYml() {
        assertThat(properties.flutterwave().baseUrl()).isEqualTo(URI.create("http://localhost:4010/flutterwave"));
        assertThat(properties.flutterwave().secretHash()).isEqualTo("ventus-simulator-hash");
        assertThat(properties.breaker().failureThreshold()).isEqualTo(5);
        assertThat(properties.breaker().openDuration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(properties.retry().maxRetries()).isEqualTo(3);
        assertThat(properties.retry().initialBackoff()).isEqualTo(Duration.ofSeconds(1));
        assertThat(properties.retry().maxBackoff()).isEqualTo(Duration.ofSeconds(10));
        assertThat(webhooks).isInstanceOf(SignedProviderWebhooks.class);

        assertThat(providers.resolveAccount("058", "0123456781", Optional.of(ProviderName.PAYSTACK)).block().provider())
                .isEqualTo(ProviderName.PAYSTACK);
    }
}
