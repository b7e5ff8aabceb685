package com.ventusvault.payments;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The payments subgraph: wallets, the double-entry ledger, P2P transfers and demo deposits, on port 4002.
 * Configured by {@code payments.yml} (never application.yml) so it can share a JVM with the other apps.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PaymentsApplication {

    public static void main(String[] args) {
        builder().run(args);
    }

    /** The app with its config name set; the stack launcher starts it from here. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(PaymentsApplication.class).properties("spring.config.name=payments");
    }
}
