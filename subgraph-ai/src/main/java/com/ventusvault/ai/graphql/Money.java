package com.ventusvault.ai.graphql;

import java.math.BigDecimal;

/** {@code Money} as payments resolves it and the gateway passes it on in a User representation. */
public record Money(BigDecimal amount, String currency) {
}
