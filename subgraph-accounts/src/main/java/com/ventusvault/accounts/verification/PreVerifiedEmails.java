package com.ventusvault.accounts.verification;

import com.ventusvault.accounts.domain.EmailAddress;
import com.ventusvault.accounts.persistence.UserChanges;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At start-up, marks the accounts of {@code ventus.accounts.identity.pre-verified-emails} verified, for a demo
 * database seeded before those emails were configured (new registrations of them are verified by
 * {@link EmailVerification#start}).
 */
@Component
class PreVerifiedEmails implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PreVerifiedEmails.class);

    private final IdentityProperties properties;
    private final UserChanges changes;
    private final Clock clock;

    PreVerifiedEmails(IdentityProperties properties, UserChanges changes, Clock clock) {
        this.properties = properties;
        this.changes = changes;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.preVerifiedEmails().isEmpty()) {
            return;
        }
        List<String> emails = properties.preVerifiedEmails().stream().map(EmailAddress::normalise).toList();
        Long verified = changes.markEmailsVerified(emails, clock.instant()).block();
        log.warn("ventus.accounts.identity.pre-verified-emails is set (demo only): {} verified without a token "
                + "({} existing accounts marked now)", emails, verified);
    }
}
