package com.ventusvault.accounts;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The accounts subgraph: users, registration, login and the signed access tokens every other subgraph verifies
 * (public keys at {@code /.well-known/jwks.json}). Reads {@code accounts.yml}, so it can share a JVM with the other
 * VentusVault apps; component scanning stays inside {@code com.ventusvault.accounts}.
 */
@SpringBootApplication
public class AccountsApplication {

    /** The application, configured from {@code accounts.yml}; the stack launcher starts it through this. */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(AccountsApplication.class).properties("spring.config.name=accounts");
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
