package com.ventusvault.markets.graphql;

import java.math.BigDecimal;
import java.time.Instant;

/** The {@code Rate} entity as the schema shows it; its class name is the GraphQL type name (entity type resolution). */
public record Rate(String pair, BigDecimal price, BigDecimal bid, BigDecimal ask, String source, Instant asOf, boolean stale) {
}
