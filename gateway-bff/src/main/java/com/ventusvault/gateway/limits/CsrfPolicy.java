package com.ventusvault.gateway.limits;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * CSRF prevention as Apollo Router does it. A browser sends a "simple" request (no CORS preflight) only with no
 * Content-Type or one of three form-like types and no custom headers; such a request could come from any web page,
 * so it is refused unless it names a required header. Everything else has been preflighted, so CORS has had its say.
 */
final class CsrfPolicy {

    private static final Set<String> SIMPLE_TYPES = Set.of("application/x-www-form-urlencoded", "multipart/form-data",
            "text/plain");

    private final List<String> requiredHeaders;

    CsrfPolicy(List<String> requiredHeaders) {
        this.requiredHeaders = requiredHeaders.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    }

    boolean allows(HttpHeaders headers) {
        List<String> contentTypes = headers.getValuesAsList(HttpHeaders.CONTENT_TYPE);
        if (!contentTypes.isEmpty() && contentTypes.stream().noneMatch(CsrfPolicy::simple)) {
            return true;
        }
        return requiredHeaders.stream().anyMatch(name -> {
            String value = headers.getFirst(name);
            return value != null && !value.isEmpty();
        });
    }

    String message() {
        return "This operation has been blocked as a potential Cross-Site Request Forgery (CSRF). Please either "
                + "specify a 'content-type' header (with a mime-type that is not one of "
                + String.join(", ", SIMPLE_TYPES.stream().sorted().toList())
                + ") or provide one of the following headers: " + String.join(", ", requiredHeaders);
    }

    private static boolean simple(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return SIMPLE_TYPES.contains((type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT));
        } catch (InvalidMediaTypeException e) {
            return true; // a browser could send it without preflight; treat it as simple
        }
    }
}
