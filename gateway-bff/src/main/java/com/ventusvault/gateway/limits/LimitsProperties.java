package com.ventusvault.gateway.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.List;

/**
 * What the gateway refuses before it plans anything ({@code gateway.limits.*} in {@code gateway.yml}). Each refusal
 * has its own stable {@code extensions.code}; see the gateway README's "Limits" section.
 *
 * @param rate           token buckets per client IP and per user: HTTP 429, {@code RATE_LIMITED}
 * @param query          document limits (graphql-armor's defaults): {@code MAX_DEPTH_EXCEEDED},
 *                       {@code MAX_ALIASES_EXCEEDED}, {@code MAX_DIRECTIVES_EXCEEDED}, {@code MAX_TOKENS_EXCEEDED},
 *                       {@code MAX_COST_EXCEEDED}
 * @param introspection  whether {@code __schema} and {@code __type} may be queried; null (default) means on in
 *                       development mode and off in production mode; off gives {@code INTROSPECTION_DISABLED}
 * @param csrf           Apollo Router's CSRF prevention: HTTP 400, {@code CSRF_ERROR}; for WebSocket upgrades an
 *                       {@code Origin} check instead: HTTP 403, {@code CSRF_ERROR}
 * @param maxRequestSize the largest request body accepted (default 1MB): HTTP 413, {@code REQUEST_TOO_LARGE}
 * @param trustedProxies addresses or CIDR ranges (default loopback) whose {@code X-Forwarded-For} is believed when
 *                       finding the client's IP for its rate limit
 * @param subscriptions  how many subscriptions may run at once per WebSocket connection and per user:
 *                       {@code LIMIT_EXCEEDED}
 */
@ConfigurationProperties("gateway.limits")
public record LimitsProperties(
        @DefaultValue RateProperties rate,
        @DefaultValue QueryProperties query,
        Boolean introspection,
        @DefaultValue CsrfProperties csrf,
        @DefaultValue("1MB") DataSize maxRequestSize,
        @DefaultValue({"127.0.0.0/8", "::1/128"}) List<String> trustedProxies,
        @DefaultValue SubscriptionLimitProperties subscriptions) {

    public LimitsProperties {
        if (maxRequestSize.toBytes() < 1 || maxRequestSize.toBytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("gateway.limits.max-request-size must be between 1B and 2GB, was "
                    + maxRequestSize);
        }
        trustedProxies = List.copyOf(trustedProxies);
    }

    /**
     * Rate limits: every request to {@code /graphql} takes one token from its client IP's bucket and, when it carries
     * a bearer token, one from its user's bucket (keyed by the token's {@code sub}, which is only a bucket key here:
     * the token is verified elsewhere). Responses carry {@code X-RateLimit-Limit} and {@code X-RateLimit-Remaining} of
     * the tighter bucket; a refused request gets HTTP 429, {@code Retry-After} and {@code RATE_LIMITED}.
     *
     * @param enabled whether requests are counted at all (default true)
     * @param perIp   the bucket of one client IP (default 600 requests, refilled at 600 a minute)
     * @param perUser the bucket of one user (default 300 requests, refilled at 300 a minute)
     * @param maxKeys how many buckets are kept; beyond it idle (full) buckets are dropped first (default 100000)
     */
    public record RateProperties(
            @DefaultValue("true") boolean enabled,
            BucketProperties perIp,
            BucketProperties perUser,
            @DefaultValue("100000") int maxKeys) {

        public RateProperties {
            perIp = perIp == null ? new BucketProperties(600, Duration.ofMinutes(1)) : perIp;
            perUser = perUser == null ? new BucketProperties(300, Duration.ofMinutes(1)) : perUser;
            if (maxKeys < 1) {
                throw new IllegalArgumentException("gateway.limits.rate.max-keys must be at least 1, was " + maxKeys);
            }
        }
    }

    /**
     * One token bucket: {@code capacity} requests at once, refilled gradually at {@code capacity} per {@code period}.
     *
     * @param capacity the burst size and the number of tokens added per period
     * @param period   how long a whole refill takes (default 1m)
     */
    public record BucketProperties(long capacity, @DefaultValue("1m") Duration period) {

        public BucketProperties {
            if (capacity < 1) {
                throw new IllegalArgumentException("a rate-limit bucket's capacity must be at least 1, was " + capacity);
            }
            if (period == null || period.isZero() || period.isNegative()) {
                throw new IllegalArgumentException("a rate-limit bucket's period must be positive, was " + period);
            }
        }
    }

    /**
     * Document limits, checked per document text (the verdict is cached) before validation and planning. Counting
     * follows graphql-armor: depth counts nested selection sets (a root field is depth 1, fragments add none), aliases
     * and directives are counted over the operation with its fragments, tokens as the lexer sees them, and cost is
     * {@code objectCost} for a field with a selection set, {@code scalarCost} for a leaf, each level below multiplied
     * by {@code depthCostFactor}. A value of 0 or less turns that limit off.
     *
     * @param maxDepth        default 6
     * @param maxAliases      default 15
     * @param maxDirectives   default 50
     * @param maxTokens       default 1000
     * @param maxCost         default 5000
     * @param objectCost      default 2
     * @param scalarCost      default 1
     * @param depthCostFactor default 1.5
     * @param cacheSize       how many document verdicts are kept (default 1000)
     */
    public record QueryProperties(
            @DefaultValue("6") int maxDepth,
            @DefaultValue("15") int maxAliases,
            @DefaultValue("50") int maxDirectives,
            @DefaultValue("1000") int maxTokens,
            @DefaultValue("5000") int maxCost,
            @DefaultValue("2") int objectCost,
            @DefaultValue("1") int scalarCost,
            @DefaultValue("1.5") double depthCostFactor,
            @DefaultValue("1000") int cacheSize) {

        public QueryProperties {
            if (cacheSize < 1) {
                throw new IllegalArgumentException("gateway.limits.query.cache-size must be at least 1, was "
                        + cacheSize);
            }
        }
    }

    /**
     * CSRF prevention as Apollo Router does it: a request is refused unless it has a {@code Content-Type} other than
     * {@code text/plain}, {@code application/x-www-form-urlencoded} and {@code multipart/form-data} (browsers
     * preflight those), or a non-empty value for one of {@code requiredHeaders}.
     * <p>
     * A WebSocket upgrade cannot carry custom headers from a browser (and is never preflighted), so it is exempt from
     * that rule and its {@code Origin} is checked instead: no {@code Origin} (not a browser), the gateway's own origin
     * (the {@code Origin} names the {@code Host} the request was sent to) or one of {@code allowedOrigins} passes;
     * any other origin is refused with HTTP 403 and {@code CSRF_ERROR} before the upgrade.
     *
     * @param enabled         default true (false also turns the {@code Origin} check off)
     * @param requiredHeaders default {@code x-apollo-operation-name}, {@code apollo-require-preflight}
     * @param allowedOrigins  web origins ({@code scheme://host[:port]}) whose pages may open WebSockets to the gateway,
     *                        e.g. {@code https://app.ventusvault.example}; {@code *} allows every origin. Default none
     *                        (only the gateway's own origin). A malformed entry fails startup.
     */
    public record CsrfProperties(
            @DefaultValue("true") boolean enabled,
            @DefaultValue({"x-apollo-operation-name", "apollo-require-preflight"}) List<String> requiredHeaders,
            List<String> allowedOrigins) {

        public CsrfProperties {
            requiredHeaders = List.copyOf(requiredHeaders);
            allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
            allowedOrigins.forEach(OriginPolicy::checkConfigured);
        }
    }

    /**
     * Concurrent subscriptions (over WebSocket and SSE), counted per gateway instance. A subscription over the limit is
     * refused with one {@code LIMIT_EXCEEDED} error ({@code extensions.limit}); the others go on.
     *
     * @param maxPerConnection subscriptions running at once on one WebSocket connection (default 100)
     * @param maxPerUser       subscriptions running at once for one signed-in user (the verified token's
     *                         {@code sub}), over every connection and SSE stream (default 500); anonymous subscriptions
     *                         are bounded per connection and by the per-IP rate of upgrades and operations
     */
    public record SubscriptionLimitProperties(
            @DefaultValue("100") int maxPerConnection,
            @DefaultValue("500") int maxPerUser) {

        public SubscriptionLimitProperties {
            if (maxPerConnection < 1 || maxPerUser < 1) {
                throw new IllegalArgumentException("gateway.limits.subscriptions.max-per-connection and max-per-user "
                        + "must be at least 1, were " + maxPerConnection + " and " + maxPerUser);
            }
        }
    }
}
