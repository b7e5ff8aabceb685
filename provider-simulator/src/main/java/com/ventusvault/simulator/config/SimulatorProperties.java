package com.ventusvault.simulator.config;

import com.ventusvault.simulator.faults.Fault;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the provider simulator ({@code ventus.simulator.*}).
 *
 * @param paystack             Paystack's credentials and where its webhooks go
 * @param flutterwave          Flutterwave's credentials and where its webhooks go
 * @param transferDelay        how long a queued transfer stays pending before it succeeds or fails
 * @param chargeDelay          how long a hosted checkout waits before the (simulated) payer pays
 * @param failingAccountDigit  transfers to account numbers ending in this digit fail ("beneficiary bank rejected")
 * @param webhookAttempts      deliveries tried per webhook until one gets a 2xx (like the real providers, which retry)
 * @param webhookRetryInterval pause between webhook delivery attempts
 * @param faults               faults active from startup (same shape as {@code POST /_simulator/faults})
 * @param twilio               the Twilio account SMS requests must authenticate as
 * @param sendgrid             the SendGrid API key mail requests must carry
 */
@ConfigurationProperties("ventus.simulator")
public record SimulatorProperties(
        @DefaultValue Paystack paystack,
        @DefaultValue Flutterwave flutterwave,
        @DefaultValue("2s") Duration transferDelay,
        @DefaultValue("3s") Duration chargeDelay,
        @DefaultValue("9") String failingAccountDigit,
        @DefaultValue("3") int webhookAttempts,
        @DefaultValue("1s") Duration webhookRetryInterval,
        List<Fault> faults,
        @DefaultValue Twilio twilio,
        @DefaultValue Sendgrid sendgrid) {

    public SimulatorProperties {
        faults = faults == null ? List.of() : List.copyOf(faults);
        if (failingAccountDigit == null || !failingAccountDigit.matches("\\d")) {
            throw new IllegalArgumentException("ventus.simulator.failing-account-digit must be a digit");
        }
    }

    /**
     * @param secretKey  the bearer key requests must carry; also the HMAC-SHA512 key of {@code x-paystack-signature}
     * @param webhookUrl where webhooks are POSTed; blank = none sent
     */
    public record Paystack(@DefaultValue("sk_test_ventus_simulator") String secretKey, @DefaultValue("") String webhookUrl) {
    }

    /**
     * @param secretKey  the bearer key requests must carry
     * @param secretHash sent as {@code verif-hash} and the HMAC-SHA256 key of {@code flutterwave-signature}
     * @param webhookUrl where webhooks are POSTed; blank = none sent
     */
    public record Flutterwave(@DefaultValue("FLWSECK_TEST-ventus-simulator") String secretKey,
                              @DefaultValue("ventus-simulator-hash") String secretHash,
                              @DefaultValue("") String webhookUrl) {
    }

    /**
     * @param accountSid the account in the request path, and the HTTP basic user name
     * @param authToken  the HTTP basic password
     */
    public record Twilio(@DefaultValue("AC00000000000000000000000000000001") String accountSid,
                         @DefaultValue("ventus-simulator-twilio-token") String authToken) {
    }

    /** @param apiKey the bearer key {@code /v3/mail/send} requests must carry */
    public record Sendgrid(@DefaultValue("SG.ventus-simulator") String apiKey) {
    }
}
