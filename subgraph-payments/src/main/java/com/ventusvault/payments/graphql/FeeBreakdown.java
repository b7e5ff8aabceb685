package com.ventusvault.payments.graphql;

import com.ventusvault.payments.domain.Fees;
import com.ventusvault.payments.domain.Money;

/** {@code FeeBreakdown}: fees split by who earns them, and their total. */
public record FeeBreakdown(Money platform, Money provider, Money network, Money total) {

    static FeeBreakdown of(Fees fees) {
        return new FeeBreakdown(fees.platform(), fees.provider(), fees.network(), fees.total());
    }
}
