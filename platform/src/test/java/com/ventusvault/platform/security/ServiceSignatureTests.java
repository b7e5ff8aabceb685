package com.ventusvault.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ventusvault.platform.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServiceSignatureTests {

    private static final String SECRET = "a-shared-secret-of-at-least-32-bytes!";
    private static final byte[] BODY = "{\"tradeId\":\"t-1\",\"rate\":\"97000.00\"}".getBytes(StandardCharsets.UTF_8);

    private final MutableClock clock = new MutableClock();
    private final ServiceSignature signatures = new ServiceSignature(SECRET, clock, Duration.ofMinutes(5));

    @Test
    void aSignatureOfTheBodyVerifies() {
        assertThat(signatures.verify(signatures.sign(BODY), BODY)).isTrue();
    }

    @Test
    void anotherBodyOrAnotherSecretDoesNotVerify() {
        String header = signatures.sign(BODY);
        byte[] tampered = "{\"tradeId\":\"t-1\",\"rate\":\"99000.00\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(signatures.verify(header, tampered)).isFalse();
        ServiceSignature other = new ServiceSignature(SECRET.replace('a', 'b'), clock, Duration.ofMinutes(5));
        assertThat(other.verify(header, BODY)).isFalse();
    }

    @Test
    void aSignatureOutsideTheToleranceIsRefusedEitherWay() {
        String header = signatures.sign(BODY);
        clock.advance(Duration.ofMinutes(5));
        assertThat(signatures.verify(header, BODY)).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(signatures.verify(header, BODY)).isFalse();
        ServiceSignature ahead = new ServiceSignature(SECRET, Clock.offset(clock, Duration.ofMinutes(6)), Duration.ofMinutes(5));
        assertThat(signatures.verify(ahead.sign(BODY), BODY)).isFalse();
    }

    @Test
    void aRestampedSignatureIsRefused() {
        String header = signatures.sign(BODY);
        long seconds = Long.parseLong(header.substring(2, header.indexOf(',')));
        String restamped = "t=" + (seconds + 1) + header.substring(header.indexOf(','));
        assertThat(signatures.verify(restamped, BODY)).isFalse();
    }

    @Test
    void malformedHeadersAreRefused() {
        for (String header : new String[] {null, "", "garbage", "t=abc,v1=00", "t=1", "v1=00ff", "t=1,v1=zz"}) {
            assertThat(signatures.verify(header, BODY)).as(String.valueOf(header)).isFalse();
        }
    }

    @Test
    void aShortSecretIsRefusedAtStartup() {
        assertThatThrownBy(() -> new ServiceSignature("short", clock, Duration.ofMinutes(5)))
                .hasMessageContaining("at least 32 bytes");
    }
}
