package com.ventusvault.accounts.verification;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Email verification and password reset ({@code ventus.accounts.identity.*}).
 *
 * @param verificationTtl   how long an email verification token works (default 24 hours)
 * @param resetTtl          how long a password reset token works (default 30 minutes)
 * @param linkBase          the web app address the mailed links point at; the token is appended as a query parameter
 * @param mailsPerHour      at most this many verification emails, and this many reset emails, per user per hour
 *                          (default 5): a mailbox cannot be flooded through resendVerificationEmail or
 *                          requestPasswordReset
 * @param preVerifiedEmails emails whose registration counts as verified at once, no token mailed, and which are marked
 *                          verified at start-up if they already have accounts. For the demo stack's seeded users only:
 *                          in production it must stay empty
 */
@ConfigurationProperties("ventus.accounts.identity")
public record IdentityProperties(@DefaultValue("24h") Duration verificationTtl,
                                 @DefaultValue("30m") Duration resetTtl,
                                 @DefaultValue("https://app.ventusvault.local") String linkBase,
                                 @DefaultValue("5") int mailsPerHour,
                                 @DefaultValue List<String> preVerifiedEmails) {

    public IdentityProperties {
        if (!verificationTtl.isPositive() || !resetTtl.isPositive()) {
            throw new IllegalArgumentException("ventus.accounts.identity.verification-ttl and reset-ttl must be positive");
        }
        if (mailsPerHour < 1) {
            throw new IllegalArgumentException("ventus.accounts.identity.mails-per-hour must be at least 1");
        }
        preVerifiedEmails = List.copyOf(preVerifiedEmails);
    }
}
