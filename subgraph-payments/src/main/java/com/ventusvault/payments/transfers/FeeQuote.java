package com.ventusvault.payments.transfers;

import com.ventusvault.payments.domain.Fees;
import com.ventusvault.payments.domain.Money;
import com.ventusvault.payments.providers.ProviderName;
import java.util.Objects;

/**
 * What moving {@code amount} costs, before moving it: the fee breakdown and what leaves the wallet.
 *
 * @param provider for payouts, the provider the quote is for; {@code null} otherwise
 */
public record FeeQuote(Money amount, Fees fees, ProviderName provider) {

    public FeeQuote {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(fees, "fees");
        if (fees.currency() != amount.currency()) {
            throw new IllegalArgumentException("Fees " + fees + " are not in " + amount.currency());
        }
    }

    /** amount + fees.total(): what leaves the wallet. */
    public Money debit() {
        return amount.plus(fees.total());
    }
}
