package com.ventusvault.accounts.twofactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 6238 Appendix B test vectors, and RFC 4648 base32 vectors. */
class TotpTests {

    private static final byte[] SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA256_SEED = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA512_SEED = ("1234567890".repeat(6) + "1234").getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({
            "59,          94287082, 46119246, 90693936",
            "1111111109,  07081804, 68084774, 25091201",
            "1111111111,  14050471, 67062674, 99943326",
            "1234567890,  89005924, 91819424, 93441116",
            "2000000000,  69279037, 90698825, 38618901",
            "20000000000, 65353130, 77737706, 47863826"})
    void matchesTheRfc6238TestVectors(long unixSeconds, String sha1, String sha256, String sha512) {
        Instant at = Instant.ofEpochSecond(unixSeconds);
        assertThat(code("HmacSHA1", SHA1_SEED, at)).isEqualTo(sha1);
        assertThat(code("HmacSHA256", SHA256_SEED, at)).isEqualTo(sha256);
        assertThat(code("HmacSHA512", SHA512_SEED, at)).isEqualTo(sha512);
    }

    @Test
    void sixDigitCodesAreTheLastSixDigitsOfTheRfcVectors() {
        Totp totp = Totp.STANDARD;
        assertThat(totp.code(SHA1_SEED, totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
        assertThat(totp.code(SHA1_SEED, totp.step(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
    }

    @Test
    void acceptsOneStepOfDriftEitherWayAndNothingElse() {
        Totp totp = Totp.STANDARD;
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        long step = totp.step(now);
        assertThat(totp.matchingStep(SHA1_SEED, totp.code(SHA1_SEED, step), now)).hasValue(step);
        assertThat(totp.matchingStep(SHA1_SEED, totp.code(SHA1_SEED, step - 1), now)).hasValue(step - 1);
        assertThat(totp.matchingStep(SHA1_SEED, totp.code(SHA1_SEED, step + 1), now)).hasValue(step + 1);
        assertThat(totp.matchingStep(SHA1_SEED, totp.code(SHA1_SEED, step - 2), now)).isEmpty();
        assertThat(totp.matchingStep(SHA1_SEED, totp.code(SHA1_SEED, step + 2), now)).isEmpty();
        assertThat(totp.matchingStep(SHA1_SEED, "12345", now)).isEmpty();
        assertThat(totp.matchingStep(SHA1_SEED, "12345a", now)).isEmpty();
        assertThat(totp.matchingStep(SHA1_SEED, null, now)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"'',''", "f,MY", "fo,MZXQ", "foo,MZXW6", "foob,MZXW6YQ", "fooba,MZXW6YTB", "foobar,MZXW6YTBOI"})
    void base32MatchesTheRfc4648Vectors(String plain, String encoded) {
        byte[] bytes = plain.getBytes(StandardCharsets.US_ASCII);
        assertThat(Base32.encode(bytes)).isEqualTo(encoded);
        assertThat(Base32.decode(encoded)).isEqualTo(bytes);
        assertThat(Base32.decode(encoded.toLowerCase() + "===")).isEqualTo(bytes);
    }

    @Test
    void base32RefusesCharactersOutsideTheAlphabet() {
        assertThatThrownBy(() -> Base32.decode("MZ1W")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String code(String algorithm, byte[] seed, Instant at) {
        Totp totp = new Totp(algorithm, 8, 30);
        return totp.code(seed, totp.step(at));
    }
}
