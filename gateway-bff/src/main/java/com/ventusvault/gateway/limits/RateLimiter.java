package com.ventusvault.gateway.limits;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/**
 * Token buckets per client IP and per user (bucket4j, in memory, one gateway instance). Every request takes a token
 * from its IP's bucket; a request that names a user takes one from the user's bucket too. The IP bucket is always
 * charged so that inventing user keys cannot escape the limit.
 */
public final class RateLimiter {

    private final BucketTable perIp;
    private final BucketTable perUser;

    public RateLimiter(LimitsProperties.RateProperties properties) {
        this(properties, TimeMeter.SYSTEM_NANOTIME);
    }

    RateLimiter(LimitsProperties.RateProperties properties, TimeMeter time) {
        this.perIp = new BucketTable(properties.perIp(), properties.maxKeys(), time);
        this.perUser = new BucketTable(properties.perUser(), properties.maxKeys(), time);
    }

    /**
     * Charges one request.
     *
     * @param clientIp the caller's address (never null)
     * @param userKey  the user's bucket key, or null for an anonymous request
     */
    public RateDecision admit(String clientIp, String userKey) {
        RateDecision byIp = decision(perIp, perIp.take(clientIp));
        if (!byIp.allowed() || userKey == null) {
            return byIp;
        }
        RateDecision byUser = decision(perUser, perUser.take(userKey));
        if (!byUser.allowed()) {
            return byUser;
        }
        return byUser.remaining() <= byIp.remaining() ? byUser : byIp;
    }

    private static RateDecision decision(BucketTable table, ConsumptionProbe probe) {
        if (probe.isConsumed()) {
            return new RateDecision(true, table.capacity(), probe.getRemainingTokens(), 0);
        }
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        return new RateDecision(false, table.capacity(), 0, seconds);
    }
}
