package com.ventusvault.accounts.credentials;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Hashes and checks passwords with Argon2id (Spring Security's v5.8 defaults: 16-byte salt, 32-byte hash,
 * 16 MiB memory, 2 iterations, 1 lane; the PHC string records them, so stronger settings later still verify old
 * hashes). Every call runs on the given blocking-tolerant scheduler (bounded elastic in production), never on the
 * Netty event loop: a hash is CPU-heavy and would stall every other request on that loop.
 */
public class PasswordHasher {

    private final Argon2PasswordEncoder encoder;
    private final Scheduler scheduler;
    private final String decoyHash;

    public PasswordHasher(Argon2PasswordEncoder encoder, Scheduler scheduler) {
        this.encoder = encoder;
        this.scheduler = scheduler;
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        // A hash nobody knows the password of, checked when a login names an unknown email so that it costs the
        // same time as a wrong password for a real account (no user enumeration by timing).
        this.decoyHash = encoder.encode(HexFormat.of().formatHex(random));
    }

    /** The PHC-formatted Argon2id hash of the password. */
    public Mono<String> hash(String password) {
        return Mono.fromCallable(() -> encoder.encode(password)).subscribeOn(scheduler);
    }

    /** Whether the password matches the stored hash. */
    public Mono<Boolean> matches(String password, String hash) {
        return Mono.fromCallable(() -> encoder.matches(password, hash)).subscribeOn(scheduler);
    }

    /** Spends the time of one {@link #matches} and always answers {@code false}. */
    public Mono<Boolean> matchesNothing(String password) {
        return matches(password, decoyHash).map(ignored -> false);
    }
}
