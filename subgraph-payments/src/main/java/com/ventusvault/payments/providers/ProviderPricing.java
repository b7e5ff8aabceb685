package com.ventusvault.payments.providers;

import com.ventusvault.payments.domain.Money;
import com.ventusvault.payments.domain.TransferKind;
import java.math.BigDecimal;

/**
 * The providers' published NGN price lists, as pure functions (no Spring): what each provider charges us for a payout
 * or a card/bank deposit. Percentages are rounded UP to the currency scale through {@code Currency.roundUp}, the
 * ledger's one rounding point.
 */
public final class ProviderPricing {

    private static final BigDecimal FIVE_THOUSAND = new BigDecimal("5000");
    private static final BigDecimal FIFTY_THOUSAND = new BigDecimal("50000");
    private static final BigDecimal PAYSTACK_LOCAL_WAIVER_UNDER = new BigDecimal("2500");
    private static final BigDecimal DEPOSIT_CAP = new BigDecimal("2000");

    private ProviderPricing() {
    }

    /** The fee, in the amount's currency; zero for kinds that do not go through a provider. */
    public static Money fee(ProviderName provider, TransferKind kind, Money amount) {
        return switch (kind) {
            case PAYOUT -> payoutFee(provider, amount);
            case DEPOSIT -> depositFee(provider, amount);
            case P2P, TRADE, ESCROW, FEE -> Money.zero(amount.currency());
        };
    }

    private static Money payoutFee(ProviderName provider, Money amount) {
        BigDecimal value = amount.amount();
        int band = value.compareTo(FIVE_THOUSAND) <= 0 ? 0 : value.compareTo(FIFTY_THOUSAND) <= 0 ? 1 : 2;
        String[] prices = switch (provider) {
            case PAYSTACK -> new String[] {"10", "25", "50"};
            case FLUTTERWAVE -> new String[] {"10.75", "26.88", "53.75"};
        };
        return Money.of(prices[band], amount.currency());
    }

    private static Money depositFee(ProviderName provider, Money amount) {
        BigDecimal value = amount.amount();
        BigDecimal fee = switch (provider) {
            case PAYSTACK -> {
                BigDecimal percent = value.multiply(new BigDecimal("0.015"));
                yield value.compareTo(PAYSTACK_LOCAL_WAIVER_UNDER) < 0 ? percent : percent.add(new BigDecimal("100"));
            }
            case FLUTTERWAVE -> value.multiply(new BigDecimal("0.014"));
        };
        return amount.currency().roundUp(fee.min(DEPOSIT_CAP));
    }
}
