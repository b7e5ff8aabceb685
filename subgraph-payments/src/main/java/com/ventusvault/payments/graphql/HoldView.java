package com.ventusvault.payments.graphql;

import com.ventusvault.payments.domain.Money;
import com.ventusvault.payments.holds.Hold;
import com.ventusvault.payments.holds.HoldStatus;
import java.time.Instant;

/** The GraphQL {@code Hold}: a transfer's balance reservation as clients see it. */
public record HoldView(String id, HoldStatus status, Money amount, Money posted, Instant expiresAt, Instant resolvedAt) {

    static HoldView of(Hold hold) {
        return new HoldView(hold.id().toString(), hold.status(), hold.amount(), hold.posted(), hold.expiresAt(),
                hold.resolvedAt());
    }
}
