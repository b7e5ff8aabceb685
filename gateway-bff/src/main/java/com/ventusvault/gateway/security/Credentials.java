package com.ventusvault.gateway.security;

import com.ventusvault.platform.security.Viewer;

import java.util.Set;

/** What the caller's {@code Authorization} header proved, decided before anything else of the request is read. */
public sealed interface Credentials {

    /** No {@code Authorization} header: an anonymous caller (fields needing a user are filtered out). */
    record None() implements Credentials {
    }

    /** A valid access token for this viewer. */
    record Verified(Viewer viewer) implements Credentials {
    }

    /** A token (or header) that is not valid; the request is refused with HTTP 401 and this reason. */
    record Refused(String reason) implements Credentials {
    }

    /** The signing keys to judge the token could not be had (our failure, not the caller's). */
    record Unverifiable() implements Credentials {
    }

    Credentials NONE = new None();

    /** Whether a valid token was presented. */
    default boolean signedIn() {
        return this instanceof Verified;
    }

    /** The scopes the token grants (none without a valid token). */
    default Set<String> scopes() {
        return this instanceof Verified(Viewer viewer) ? viewer.scopes() : Set.of();
    }
}
