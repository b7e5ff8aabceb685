package com.ventusvault.gateway.transport.http;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

import java.util.List;

/** Content negotiation for GraphQL responses: {@code application/graphql-response+json} or {@code application/json}. */
final class MediaTypes {

    static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");
    static final MediaType GRAPHQL_RESPONSE_UTF8 =
            MediaType.parseMediaType("application/graphql-response+json;charset=utf-8");
    static final MediaType JSON_UTF8 = MediaType.parseMediaType("application/json;charset=utf-8");

    private MediaTypes() {
    }

    /** The response type for an Accept header, or null when none of ours is acceptable (406). */
    static MediaType negotiate(List<String> acceptHeaders) {
        if (acceptHeaders.isEmpty()) {
            return JSON_UTF8;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(acceptHeaders);
        } catch (InvalidMediaTypeException e) {
            return JSON_UTF8;
        }
        accepted = new java.util.ArrayList<>(accepted);
        accepted.sort(java.util.Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : accepted) {
            if (type.getQualityValue() == 0) {
                continue;
            }
            if (type.isCompatibleWith(GRAPHQL_RESPONSE) && !type.isWildcardType() && !type.isWildcardSubtype()) {
                return GRAPHQL_RESPONSE_UTF8;
            }
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                return JSON_UTF8;
            }
        }
        return null;
    }
}
