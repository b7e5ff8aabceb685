package com.ventusvault.markets.trading;

import com.ventusvault.markets.domain.Asset;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A quote as stored: whose it is, its terms, and until when it holds. */
public record StoredQuote(UUID id, UUID userId, QuoteTerms terms, Instant expiresAt, Instant createdAt) {

    public Asset from() {
        return terms.from();
    }

    public Asset to() {
        return terms.to();
    }

    public BigDecimal rate() {
        return terms.rate();
    }
}
