package com.ventusvault.platform.security;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How access tokens are checked ({@code ventus.auth.*}). Every subgraph verifies the token itself: nothing trusts
 * the network, not even calls from the gateway.
 *
 * @param issuer   the {@code iss} claim accounts puts in its tokens; any other issuer is UNAUTHENTICATED
 * @param audience the {@code aud} claim a token must carry; any other audience is UNAUTHENTICATED
 * @param jwksUri  where accounts publishes its public keys (JWKS); fetched on first use and again on an unknown {@code kid}
 * @param jwksRefreshInterval shortest time between two JWKS fetches, so unknown-kid floods cannot hammer accounts
 */
@ConfigurationProperties("ventus.auth")
public record AuthProperties(
        @DefaultValue("https://accounts.ventusvault.local") String issuer,
        @DefaultValue("ventusvault-api") String audience,
        @DefaultValue("http://localhost:4001/.well-known/jwks.json") URI jwksUri,
        @DefaultValue("30s") Duration jwksRefreshInterval) {
}
