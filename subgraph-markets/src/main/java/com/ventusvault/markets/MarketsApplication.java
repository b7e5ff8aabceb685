package com.ventusvault.markets;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The markets subgraph: quotes {@code Rate}s for pairs of crypto and fiat assets from a simulated market feed that
 * runs in-process (no network), persisting its ticks to PostgreSQL so a restart resumes from the last known prices.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MarketsApplication {

    /** The builder the stack launcher and {@link #main} share: own config file name so apps can share one JVM. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(MarketsApplication.class).properties("spring.config.name=markets");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
