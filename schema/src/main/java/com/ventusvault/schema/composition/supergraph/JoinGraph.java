package com.ventusvault.schema.composition.supergraph;

/** One value of the supergraph's {@code join__Graph} enum: {@code ACCOUNTS @join__graph(name: "accounts", url: ...)}. */
public record JoinGraph(String enumValue, String name, String url) {
}
