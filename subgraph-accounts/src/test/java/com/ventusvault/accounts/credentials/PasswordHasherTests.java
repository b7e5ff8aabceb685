package com.ventusvault.accounts.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

class PasswordHasherTests {

    private final PasswordHasher hasher =
            new PasswordHasher(Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(), Schedulers.boundedElastic());

    @Test
    void hashesWithArgon2idOffTheCallingThread() {
        String caller = Thread.currentThread().getName();
        record Hashed(String hash, String thread) {
        }

        Hashed hashed = hasher.hash("correct horse battery")
                .map(hash -> new Hashed(hash, Thread.currentThread().getName()))
                .block(Duration.ofSeconds(10));

        assertThat(hashed.hash()).startsWith("$argon2id$v=19$m=16384,t=2,p=1$");
        assertThat(hashed.thread()).startsWith("boundedElastic").isNotEqualTo(caller);
    }

    @Test
    void matchesOnlyTheRightPassword() {
        String hash = hasher.hash("correct horse battery").block();

        assertThat(hasher.matches("correct horse battery", hash).block()).isTrue();
        assertThat(hasher.matches("Correct horse battery", hash).block()).isFalse();
        assertThat(hasher.matchesNothing("correct horse battery").block()).isFalse();
    }

    @Test
    void hashingNeverBlocksANonBlockingThread() {
        Boolean onBlockingThread = Mono.defer(() -> hasher.hash("correct horse battery"))
                .subscribeOn(Schedulers.parallel())
                .map(hash -> !Schedulers.isInNonBlockingThread())
                .block(Duration.ofSeconds(10));

        assertThat(onBlockingThread).isTrue();
    }
}
