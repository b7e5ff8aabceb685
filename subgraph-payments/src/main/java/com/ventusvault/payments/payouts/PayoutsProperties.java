package com.ventusvault.payments.payouts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the payout saga ({@code ventus.payments.payouts.*}).
 *
 * @param holdTtl             how long the balance reservation of a payout lives before the ledger's sweep expires it;
 *                            a payout not yet sent by then ends EXPIRED (one already with the provider never expires)
 * @param dispatchImmediately send a payout to the provider right after {@code requestPayout} returns (tests turn it
 *                            off and drive {@link PayoutWorker} themselves)
 * @param scanEnabled         run the periodic scan that resumes unfinished payouts (after a restart, a lost kick, a
 *                            provider outage) and checks the status of payouts the provider has not confirmed
 * @param scanInterval        how often that scan runs
 * @param statusCheckAfter    a payout in PROVIDER_PROCESSING not heard of for this long gets a status check
 * @param abandonAfter        a payout still INITIATED or VALIDATING this long after creation (the request died before
 *                            any balance was reserved) is marked FAILED with code PAYOUT_INTERRUPTED
 */
@ConfigurationProperties("ventus.payments.payouts")
public record PayoutsProperties(
        @DefaultValue("30m") Duration holdTtl,
        @DefaultValue("true") boolean dispatchImmediately,
        @DefaultValue("true") boolean scanEnabled,
        @DefaultValue("15s") Duration scanInterval,
        @DefaultValue("30s") Duration statusCheckAfter,
        @DefaultValue("2m") Duration abandonAfter) {

    public PayoutsProperties {
        if (holdTtl.isNegative() || holdTtl.isZero() || scanInterval.isNegative() || scanInterval.isZero()) {
            throw new IllegalArgumentException("ventus.payments.payouts.hold-ttl and scan-interval must be positive");
        }
    }
}
