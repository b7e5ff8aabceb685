package com.ventusvault.gateway.execution;

/**
 * What the gateway tells every subgraph about the client's request besides the operation, so that subgraphs log,
 * audit and rate-limit the real client, and one id follows the request through every service.
 *
 * @param requestId     sent as {@code X-Request-Id}: the client's when well formed, else one the gateway made up
 * @param forwardedFor  sent as {@code X-Forwarded-For}: the chain the client's request arrived with, followed by the
 *                      address the gateway saw it come from (subgraphs believe it only from their trusted proxies)
 */
public record ForwardedHeaders(String requestId, String forwardedFor) {

    /** Nothing to forward. */
    public static final ForwardedHeaders NONE = new ForwardedHeaders(null, null);
}
