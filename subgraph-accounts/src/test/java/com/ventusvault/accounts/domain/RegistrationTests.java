package com.ventusvault.accounts.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegistrationTests {

    @Test
    void normalisesEmailNameAndPhone() {
        Registration.Checked checked = Registration.validate("  Grace.Hopper@Navy.MIL ", "0123456789", "  Grace  ",
                "+1 (202) 555-0143");

        assertThat(checked).isEqualTo(new Registration.Valid(
                new Registration("grace.hopper@navy.mil", "0123456789", "Grace", "+12025550143")));
    }

    @Test
    void passwordLengthCountsCharactersAsPeopleDo() {
        String nineEmoji = "🔐".repeat(9);
        String tenEmoji = "🔐".repeat(10);

        assertThat(codes(Registration.validate("a@example.com", nineEmoji, "A", null))).containsExactly("PASSWORD_TOO_SHORT");
        assertThat(Registration.validate("a@example.com", tenEmoji, "A", null)).isInstanceOf(Registration.Valid.class);
        assertThat(Registration.validate("a@example.com", "x".repeat(128), "A", null)).isInstanceOf(Registration.Valid.class);
        assertThat(codes(Registration.validate("a@example.com", "x".repeat(129), "A", null))).containsExactly("PASSWORD_TOO_LONG");
    }

    @Test
    void displayNameIsOneToEightyCharacters() {
        assertThat(Registration.validate("a@example.com", "0123456789", "x".repeat(80), null))
                .isInstanceOf(Registration.Valid.class);
        assertThat(codes(Registration.validate("a@example.com", "0123456789", "x".repeat(81), null)))
                .containsExactly("DISPLAY_NAME_TOO_LONG");
        assertThat(codes(Registration.validate("a@example.com", "0123456789", "   ", null)))
                .containsExactly("DISPLAY_NAME_REQUIRED");
    }

    @Test
    void refusesMalformedEmails() {
        for (String email : new String[] {"", "plain", "a@b", "a@@example.com", "a b@example.com", "a@-example.com",
                ".a@example.com", "a..b@example.com", "x".repeat(65) + "@example.com"}) {
            assertThat(codes(Registration.validate(email, "0123456789", "A", null))).as(email).containsExactly("INVALID_EMAIL");
        }
    }

    @Test
    void neverPrintsThePassword() {
        assertThat(new Registration("a@example.com", "s3cret-s3cret", "A", null).toString()).doesNotContain("s3cret");
    }

    private static java.util.List<String> codes(Registration.Checked checked) {
        return ((Registration.Invalid) checked).violations().stream().map(Violation::code).toList();
    }
}
