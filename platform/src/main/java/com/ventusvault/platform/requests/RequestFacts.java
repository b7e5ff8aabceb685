package com.ventusvault.platform.requests;

/**
 * Who is on the other end of a request, as far as the subgraph can tell: the request id for logs and the audit log
 * ({@code X-Request-Id}, set by the gateway on every request, generated here when absent), the client's IP (from
 * {@code X-Forwarded-For} only when the direct peer is a trusted proxy such as the gateway, else the peer itself) and
 * the {@code User-Agent}. Resolvers take it as a parameter ({@code RequestFacts facts}).
 *
 * @param requestId never null
 * @param clientIp  textual IP address, or null when unknown
 * @param userAgent null when the client sent none
 */
public record RequestFacts(String requestId, String clientIp, String userAgent) {

    /** The header carrying the request id from the gateway to the subgraphs (and back to clients). */
    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    public RequestFacts {
        if (requestId == null || requestId.isBlank()) {
            throw new IllegalArgumentException("requestId is required");
        }
    }
}
