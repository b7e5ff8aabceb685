package com.ventusvault.payments.graphql;

import com.ventusvault.payments.domain.TransferKind;
import com.ventusvault.payments.providers.ProviderName;
import java.math.BigDecimal;

/** {@code FeeQuoteInput} as the client sent it; {@link com.ventusvault.payments.transfers.FeeQuotes} validates it. */
public record FeeQuoteInput(TransferKind kind, String currency, BigDecimal amount, ProviderName provider) {
}
