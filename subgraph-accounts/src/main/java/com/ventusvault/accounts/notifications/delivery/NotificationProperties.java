package com.ventusvault.accounts.notifications.delivery;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How notifications are delivered ({@code ventus.accounts.notifications.*}). By default both channels go to the local
 * sink (nothing leaves the machine). Choosing a provider without its credentials fails at startup.
 *
 * @param worker the delivery worker: polling, batching, retries
 * @param sms    the SMS provider: {@code LOCAL} or {@code TWILIO}
 * @param email  the email provider: {@code LOCAL} or {@code SENDGRID}
 */
@ConfigurationProperties("ventus.accounts.notifications")
public record NotificationProperties(@DefaultValue Worker worker, @DefaultValue Sms sms, @DefaultValue Email email) {

    /**
     * @param enabled      whether this instance delivers at all (off: rows stay PENDING for another instance)
     * @param pollInterval how often due rows are looked for (commits also wake the worker at once)
     * @param batchSize    rows claimed per round
     * @param concurrency  deliveries in flight at once
     * @param maxAttempts  attempts before a row is FAILED
     * @param firstRetry   wait after the first failed attempt; doubled after each further one
     * @param maxRetry     the longest wait between attempts
     * @param timeout      how long one provider call may take
     * @param lease        how long a claimed row is hidden from other workers; must exceed timeout (a worker that
     *                     dies mid-delivery leaves its rows to be retried after it)
     */
    public record Worker(@DefaultValue("true") boolean enabled,
                         @DefaultValue("1s") Duration pollInterval,
                         @DefaultValue("20") int batchSize,
                         @DefaultValue("4") int concurrency,
                         @DefaultValue("5") int maxAttempts,
                         @DefaultValue("10s") Duration firstRetry,
                         @DefaultValue("15m") Duration maxRetry,
                         @DefaultValue("10s") Duration timeout,
                         @DefaultValue("1m") Duration lease) {

        public Worker {
            if (batchSize < 1 || concurrency < 1 || maxAttempts < 1) {
                throw new IllegalArgumentException("ventus.accounts.notifications.worker: batch-size, concurrency and "
                        + "max-attempts must be at least 1");
            }
            if (lease.compareTo(timeout) <= 0) {
                throw new IllegalArgumentException("ventus.accounts.notifications.worker.lease (" + lease
                        + ") must be longer than timeout (" + timeout + ")");
            }
        }

        /** The wait before attempt {@code attempts + 1}: firstRetry doubled per earlier failure, at most maxRetry. */
        public Duration backoffAfter(int attempts) {
            Duration wait = firstRetry.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
            return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
        }
    }

    /** Which provider carries SMS. */
    public enum SmsProvider { LOCAL, TWILIO }

    /** Which provider carries email. */
    public enum EmailProvider { LOCAL, SENDGRID }

    /** @param provider LOCAL (the sink) or TWILIO */
    public record Sms(@DefaultValue("LOCAL") SmsProvider provider, @DefaultValue Twilio twilio) {

        public Sms {
            if (provider == SmsProvider.TWILIO) {
                twilio.requireComplete();
            }
        }
    }

    /**
     * Twilio's Messages API. Secrets come from the environment (see accounts.yml).
     *
     * @param baseUrl    https://api.twilio.com, or a simulator
     * @param accountSid the account ({@code AC...}): in the path and the HTTP basic user name
     * @param authToken  the HTTP basic password
     * @param from       the sender: a Twilio number in E.164, or a messaging service sid ({@code MG...})
     */
    public record Twilio(@DefaultValue("https://api.twilio.com") URI baseUrl, String accountSid, String authToken,
                         String from) {

        void requireComplete() {
            if (blank(accountSid) || blank(authToken) || blank(from)) {
                throw new IllegalArgumentException("ventus.accounts.notifications.sms.provider is TWILIO but twilio "
                        + "account-sid, auth-token or from is missing (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, "
                        + "TWILIO_FROM)");
            }
        }

        @Override
        public String toString() {
            return "Twilio[baseUrl=" + baseUrl + ", accountSid=" + accountSid + ", from=" + from + "]";
        }
    }

    /** @param provider LOCAL (the sink) or SENDGRID */
    public record Email(@DefaultValue("LOCAL") EmailProvider provider, @DefaultValue Sendgrid sendgrid) {

        public Email {
            if (provider == EmailProvider.SENDGRID) {
                sendgrid.requireComplete();
            }
        }
    }

    /**
     * Twilio SendGrid's v3 mail send.
     *
     * @param baseUrl  https://api.sendgrid.com, or a simulator
     * @param apiKey   the bearer API key
     * @param from     the sender address (a verified sender at SendGrid)
     * @param fromName the sender's display name
     */
    public record Sendgrid(@DefaultValue("https://api.sendgrid.com") URI baseUrl, String apiKey,
                           @DefaultValue("no-reply@ventusvault.local") String from,
                           @DefaultValue("VentusVault") String fromName) {

        void requireComplete() {
            if (blank(apiKey) || blank(from)) {
                throw new IllegalArgumentException("ventus.accounts.notifications.email.provider is SENDGRID but "
                        + "sendgrid api-key or from is missing (SENDGRID_API_KEY, SENDGRID_FROM)");
            }
        }

        @Override
        public String toString() {
            return "Sendgrid[baseUrl=" + baseUrl + ", from=" + from + "]";
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
