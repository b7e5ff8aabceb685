package com.ventusvault.markets.graphql;

import java.math.BigDecimal;

/** {@code Money}: an exact amount and its currency. */
record Money(BigDecimal amount, String currency) {
}
