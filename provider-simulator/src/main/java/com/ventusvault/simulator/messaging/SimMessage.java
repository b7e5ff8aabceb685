package com.ventusvault.simulator.messaging;

import com.ventusvault.simulator.Provider;
import java.time.Instant;

/**
 * One SMS or email a provider accepted.
 *
 * @param provider TWILIO (SMS) or SENDGRID (email)
 * @param id       Twilio's message sid ({@code SM...}) or SendGrid's {@code X-Message-Id}
 * @param from     sender number or address
 * @param to       recipient number or address
 * @param subject  email subject; null for SMS
 * @param body     the text
 * @param at       when it was accepted
 */
public record SimMessage(Provider provider, String id, String from, String to, String subject, String body,
                         Instant at) {
}
