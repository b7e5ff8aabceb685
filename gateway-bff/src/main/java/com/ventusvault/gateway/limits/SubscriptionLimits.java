package com.ventusvault.gateway.limits;

import com.ventusvault.gateway.errors.ErrorCode;
import com.ventusvault.gateway.errors.GraphQlErrors;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The limits stage for operations that do not arrive as HTTP requests of their own: each operation sent over a
 * WebSocket is charged to the same per-IP and per-user buckets as an HTTP request ({@link #admit}), and subscriptions
 * running at once are capped per connection ({@link #maxPerConnection()}, counted by the connection) and per user
 * ({@link #lease}, counted here, over every connection and SSE stream of this gateway instance).
 */
public final class SubscriptionLimits {

    /** One of a user's running subscriptions; {@link #close()} gives it back (once, however often it is called). */
    public interface Lease extends AutoCloseable {

        /** A lease that counts nothing (anonymous subscriptions have no per-user cap). */
        Lease NONE = () -> {
        };

        @Override
        void close();
    }

    private final LimitsProperties.SubscriptionLimitProperties limits;
    private final RateLimiter rateLimiter;
    private final TokenSubject subjects;
    private final Map<String, Integer> perUser = new ConcurrentHashMap<>();

    /** @param rateLimiter the buckets shared with {@link RequestLimitsFilter}, or null when rate limiting is off */
    public SubscriptionLimits(LimitsProperties.SubscriptionLimitProperties limits, RateLimiter rateLimiter,
                              ObjectMapper json) {
        this.limits = limits;
        this.rateLimiter = rateLimiter;
        this.subjects = new TokenSubject(json);
    }

    /** How many subscriptions may run at once on one WebSocket connection. */
    public int maxPerConnection() {
        return limits.maxPerConnection();
    }

    /**
     * Charges one operation to the client IP's bucket and, with a bearer token, to its user's bucket.
     *
     * @return null when admitted, else the {@code RATE_LIMITED} error to send (with {@code extensions.retryAfter})
     */
    public ObjectNode admit(String clientIp, String authorization) {
        if (rateLimiter == null) {
            return null;
        }
        RateDecision decision = rateLimiter.admit(clientIp == null ? "unknown" : clientIp,
                subjects.bucketKey(authorization));
        if (decision.allowed()) {
            return null;
        }
        ObjectNode error = GraphQlErrors.error("Too many requests: retry in " + decision.retryAfterSeconds() + " s",
                ErrorCode.RATE_LIMITED);
        ((ObjectNode) error.get("extensions")).put("retryAfter", decision.retryAfterSeconds());
        return error;
    }

    /**
     * Takes one of {@code userId}'s concurrent subscriptions.
     *
     * @param userId the verified user, or null for an anonymous subscription (not counted)
     * @return the lease, or null when the user already runs {@code max-per-user} subscriptions
     */
    public Lease lease(String userId) {
        if (userId == null) {
            return Lease.NONE;
        }
        AtomicBoolean taken = new AtomicBoolean();
        perUser.compute(userId, (key, running) -> {
            int count = running == null ? 0 : running;
            if (count >= limits.maxPerUser()) {
                return running;
            }
            taken.set(true);
            return count + 1;
        });
        if (!taken.get()) {
            return null;
        }
        AtomicBoolean returned = new AtomicBoolean();
        return () -> {
            if (returned.compareAndSet(false, true)) {
                perUser.computeIfPresent(userId, (key, running) -> running <= 1 ? null : running - 1);
            }
        };
    }

    /** How many subscriptions {@code userId} runs now (for tests and diagnostics). */
    public int running(String userId) {
        return perUser.getOrDefault(userId, 0);
    }

    /** The error for a subscription over the per-connection cap. */
    public ObjectNode tooManyOnConnection() {
        return limitError("Too many subscriptions on this connection: at most " + limits.maxPerConnection()
                + " may run at once; complete one first", limits.maxPerConnection());
    }

    /** The error for a subscription over the per-user cap. */
    public ObjectNode tooManyForUser() {
        return limitError("Too many subscriptions for this user: at most " + limits.maxPerUser()
                + " may run at once over all connections; complete one first", limits.maxPerUser());
    }

    private static ObjectNode limitError(String message, int limit) {
        ObjectNode error = GraphQlErrors.error(message, ErrorCode.LIMIT_EXCEEDED);
        ((ObjectNode) error.get("extensions")).put("limit", limit);
        return error;
    }
}
