package com.ventusvault.gateway.limits;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which web pages may open a WebSocket to the gateway. Browsers cannot add headers to a WebSocket handshake, so the
 * header-based CSRF rule cannot apply to it; what a browser does send, and a page cannot change, is {@code Origin}.
 * A handshake without {@code Origin} is not from a browser (apps, servers, tests) and passes; so does one from the
 * gateway's own origin and from the configured origins. Origins are compared as {@code scheme://host:port} with the
 * scheme's default port filled in, case-insensitively.
 */
final class OriginPolicy {

    private final boolean any;
    private final Set<String> allowed;

    OriginPolicy(List<String> allowedOrigins) {
        this.any = allowedOrigins.contains("*");
        this.allowed = allowedOrigins.stream().filter(origin -> !origin.equals("*")).map(OriginPolicy::normalize)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Fails startup on an entry of {@code gateway.limits.csrf.allowed-origins} that is not an origin. */
    static void checkConfigured(String origin) {
        if (!origin.equals("*") && normalize(origin) == null) {
            throw new IllegalArgumentException("gateway.limits.csrf.allowed-origins: '" + origin + "' is not an origin "
                    + "(scheme://host[:port], e.g. https://app.example.com, or *)");
        }
    }

    /**
     * Whether a handshake with this {@code Origin} (null when absent) sent to this {@code Host} header may proceed.
     */
    boolean allows(String origin, String host) {
        if (origin == null || any) {
            return true;
        }
        String normalized = normalize(origin);
        if (normalized == null) {
            return false; // "null" (sandboxed frames, file: pages) or garbage
        }
        if (allowed.contains(normalized)) {
            return true;
        }
        return host != null && normalized.equals(normalize(normalized.substring(0, normalized.indexOf("://") + 3)
                + host.strip()));
    }

    /** {@code scheme://host:port} in lower case with the default port filled in, or null when not an http(s) origin. */
    static String normalize(String origin) {
        try {
            URI uri = new URI(origin.strip());
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))
                    || (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))
                    || uri.getRawQuery() != null || uri.getRawUserInfo() != null) {
                return null;
            }
            int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
