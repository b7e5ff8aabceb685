package com.ventusvault.schema.composition;

import java.util.Objects;

/**
 * One subgraph as composition sees it: its name (lower case, becomes the {@code join__Graph} value in upper case),
 * the URL the gateway sends its fetches to, and its SDL text.
 */
public record SubgraphSource(String name, String url, String sdl) {

    public SubgraphSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(sdl, "sdl");
        if (name.isBlank()) {
            throw new IllegalArgumentException("subgraph name must not be blank");
        }
    }
}
