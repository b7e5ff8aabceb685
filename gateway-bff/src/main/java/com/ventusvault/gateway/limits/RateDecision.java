package com.ventusvault.gateway.limits;

/**
 * What the rate limiter said about one request, for the {@code X-RateLimit-*} and {@code Retry-After} headers.
 *
 * @param allowed           whether the request may go on
 * @param limit             the capacity of the bucket that decided (the tighter one when two applied)
 * @param remaining         tokens left in that bucket after this request
 * @param retryAfterSeconds when refused, whole seconds until a token is back (at least 1); 0 when allowed
 */
public record RateDecision(boolean allowed, long limit, long remaining, long retryAfterSeconds) {
}
