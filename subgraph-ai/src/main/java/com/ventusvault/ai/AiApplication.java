package com.ventusvault.ai;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The ai subgraph: contributes {@code User.insights}, computed from the wallets the payments subgraph resolves (the
 * gateway sends them in the entity representation, per {@code @requires}) and from the snapshot of those balances
 * this subgraph kept the previous time it looked.
 */
@SpringBootApplication
public class AiApplication {

    /** The builder the stack launcher and {@link #main} share: own config file name so apps can share one JVM. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(AiApplication.class).properties("spring.config.name=ai");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
