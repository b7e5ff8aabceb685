package com.ventusvault.payments.escrow;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Escrow settings ({@code ventus.payments.escrow.*}).
 *
 * @param sweepInterval how often the expiry sweep refunds HELD escrows past {@code expiresAt} (default 30s; must be
 *                      positive, else startup fails). An escrow released or cancelled after its deadline is expired on
 *                      the spot, so this only bounds how long an untouched escrow stays HELD past its deadline.
 * @param sweepBatch    at most this many escrows per sweep round (default 100); a full round is followed by another
 */
@ConfigurationProperties("ventus.payments.escrow")
public record EscrowProperties(@DefaultValue("30s") Duration sweepInterval, @DefaultValue("100") int sweepBatch) {

    public EscrowProperties {
        if (sweepInterval.isNegative() || sweepInterval.isZero()) {
            throw new IllegalArgumentException("ventus.payments.escrow.sweep-interval must be positive, got " + sweepInterval);
        }
        if (sweepBatch < 1) {
            throw new IllegalArgumentException("ventus.payments.escrow.sweep-batch must be at least 1, got " + sweepBatch);
        }
    }
}
