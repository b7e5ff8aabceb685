package com.ventusvault.gateway.transport.websocket;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Locale;
import java.util.Map;

/**
 * The access token in a {@code connection_init} payload, in the forms clients use: {@code Authorization} (any case,
 * {@code Bearer <token>}, as the HTTP header), the same inside {@code headers} (Apollo's older clients), or a bare
 * token under {@code authToken}, {@code token} or {@code accessToken}.
 */
final class ConnectionParams {

    private static final String BEARER = "Bearer ";

    private ConnectionParams() {
    }

    /**
     * The {@code Authorization} value to verify: null when the payload has no token (an anonymous connection), else
     * {@code Bearer <token>}. An {@code Authorization} entry is taken as it is, so that a malformed one is refused as
     * the HTTP header would be.
     */
    static String authorization(ObjectNode payload) {
        String header = find(payload, "authorization");
        if (header == null && payload.get("headers") instanceof ObjectNode headers) {
            header = find(headers, "authorization");
        }
        if (header != null) {
            return header;
        }
        for (String name : new String[] {"authtoken", "token", "accesstoken"}) {
            String token = find(payload, name);
            if (token != null && !token.isBlank()) {
                return token.regionMatches(true, 0, BEARER, 0, BEARER.length()) ? token : BEARER + token.strip();
            }
        }
        return null;
    }

    /** The entry named {@code lowerCaseName} in any case: its text, or its JSON for a value that is not a string. */
    private static String find(ObjectNode object, String lowerCaseName) {
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            if (entry.getKey().toLowerCase(Locale.ROOT).equals(lowerCaseName) && !entry.getValue().isNull()) {
                JsonNode value = entry.getValue();
                return value.isString() ? value.asString() : value.toString();
            }
        }
        return null;
    }
}
