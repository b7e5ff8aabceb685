package com.ventusvault.payments.graphql;

import com.ventusvault.payments.domain.Money;
import com.ventusvault.payments.providers.ProviderName;
import com.ventusvault.payments.transfers.FeeQuote;

/** The GraphQL {@code FeeQuote}. */
public record FeeQuoteView(Money amount, FeeBreakdown fees, Money debit, ProviderName provider) {

    static FeeQuoteView of(FeeQuote quote) {
        return new FeeQuoteView(quote.amount(), FeeBreakdown.of(quote.fees()), quote.debit(), quote.provider());
    }
}
