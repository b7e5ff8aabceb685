package com.ventusvault.payments.graphql;

/** (Named like the schema type so federation resolves {@code _Entity} to it.) A {@code User} known only by id: accounts owns the rest and the gateway fetches it from there. */
public record User(String id) {
}
