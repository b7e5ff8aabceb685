package com.ventusvault.markets.graphql;

import com.ventusvault.markets.trading.StoredQuote;
import java.math.BigDecimal;
import java.time.Instant;

/** {@code Quote} as GraphQL serves it (named like the schema type). */
record Quote(String id, String pair, BigDecimal rate, Money sell, Money buy, Money fee, Instant expiresAt,
             Instant createdAt) {

    static Quote of(StoredQuote quote) {
        var terms = quote.terms();
        return new Quote(quote.id().toString(), terms.from() + "/" + terms.to(), terms.rate(),
                new Money(terms.sell(), terms.from().name()), new Money(terms.buy(), terms.to().name()),
                new Money(terms.fee(), terms.from().name()), quote.expiresAt(), quote.createdAt());
    }
}
