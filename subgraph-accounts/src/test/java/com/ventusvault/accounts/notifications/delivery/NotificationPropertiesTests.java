package com.ventusvault.accounts.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Delivery settings: a provider without its credentials, or a lease shorter than a call, is refused at startup. */
class NotificationPropertiesTests {

    private static final URI BASE = URI.create("https://api.twilio.com");

    @Test
    void twilioWithoutItsCredentialsIsRefusedNamingTheEnvironmentVariables() {
        assertThatThrownBy(() -> new NotificationProperties.Sms(NotificationProperties.SmsProvider.TWILIO,
                new NotificationProperties.Twilio(BASE, "AC1", "", "+15005550006")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TWILIO_AUTH_TOKEN");
    }

    @Test
    void sendGridWithoutAnApiKeyIsRefused() {
        assertThatThrownBy(() -> new NotificationProperties.Email(NotificationProperties.EmailProvider.SENDGRID,
                new NotificationProperties.Sendgrid(URI.create("https://api.sendgrid.com"), null, "a@b.c", "V")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SENDGRID_API_KEY");
    }

    @Test
    void theLocalSinkNeedsNoCredentials() {
        var sms = new NotificationProperties.Sms(NotificationProperties.SmsProvider.LOCAL,
                new NotificationProperties.Twilio(BASE, null, null, null));
        assertThat(sms.provider()).isEqualTo(NotificationProperties.SmsProvider.LOCAL);
    }

    @Test
    void secretsStayOutOfTheTextForm() {
        assertThat(new NotificationProperties.Twilio(BASE, "AC1", "the-token", "+1").toString()).doesNotContain("the-token");
        assertThat(new NotificationProperties.Sendgrid(BASE, "SG.the-key", "a@b.c", "V").toString())
                .doesNotContain("SG.the-key");
    }

    @Test
    void aLeaseNoLongerThanTheCallTimeoutIsRefused() {
        assertThatThrownBy(() -> worker(Duration.ofSeconds(10), Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lease");
    }

    @Test
    void backoffDoublesFromTheFirstRetryUpToTheCap() {
        NotificationProperties.Worker worker = worker(Duration.ofSeconds(10), Duration.ofMinutes(1));

        assertThat(worker.backoffAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(worker.backoffAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(worker.backoffAfter(4)).isEqualTo(Duration.ofSeconds(80));
        assertThat(worker.backoffAfter(10)).isEqualTo(Duration.ofMinutes(15));
        assertThat(worker.backoffAfter(1000)).isEqualTo(Duration.ofMinutes(15));
    }

    private static NotificationProperties.Worker worker(Duration timeout, Duration lease) {
        return new NotificationProperties.Worker(true, Duration.ofSeconds(1), 20, 4, 5, Duration.ofSeconds(10),
                Duration.ofMinutes(15), timeout, lease);
    }
}
