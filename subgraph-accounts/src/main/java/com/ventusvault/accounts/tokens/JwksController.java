package com.ventusvault.accounts.tokens;

import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Publishes the public token-signing keys at {@code GET /.well-known/jwks.json} (RFC 7517 JWK set). Verifiers may
 * cache the answer for five minutes; they refetch on an unknown {@code kid} anyway, so a rotation needs no restart.
 */
@RestController
class JwksController {

    private static final CacheControl FIVE_MINUTES = CacheControl.maxAge(Duration.ofSeconds(300)).cachePublic();

    private final String body;

    JwksController(SigningKeys keys) {
        // toString() of a JWKSet serialises only public parameters (SigningKeys holds public halves anyway).
        this.body = keys.publicKeys().toString(true);
    }

    @GetMapping(path = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> jwks() {
        return ResponseEntity.ok().cacheControl(FIVE_MINUTES).body(body);
    }
}
