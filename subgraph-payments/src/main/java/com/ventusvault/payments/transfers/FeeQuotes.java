package com.ventusvault.payments.transfers;

import com.ventusvault.payments.domain.AmountCheck;
import com.ventusvault.payments.domain.Currency;
import com.ventusvault.payments.domain.Ledger;
import com.ventusvault.payments.domain.Money;
import com.ventusvault.payments.domain.TransferKind;
import com.ventusvault.payments.providers.PayoutProviders;
import com.ventusvault.payments.providers.ProviderName;
import com.ventusvault.platform.errors.ApiException;
import java.math.BigDecimal;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * {@code feeQuote}: the same fee schedule the mutations charge, asked in advance. P2P and ESCROW come from the
 * {@link com.ventusvault.payments.domain.FeeSchedule}; PAYOUT from the {@link PayoutQuotes} bean if there is one, else
 * from the schedule's payout rate plus {@link PayoutProviders#providerFee} of the provider asked for (or
 * {@link PayoutProviders#choose}), else BAD_REQUEST because payouts are not configured. Malformed input is BAD_REQUEST.
 */
@Service
public class FeeQuotes {

    private final Ledger ledger;
    private final ObjectProvider<PayoutQuotes> payoutQuotes;
    private final ObjectProvider<PayoutProviders> providers;

    public FeeQuotes(Ledger ledger, ObjectProvider<PayoutQuotes> payoutQuotes, ObjectProvider<PayoutProviders> providers) {
        this.ledger = ledger;
        this.payoutQuotes = payoutQuotes;
        this.providers = providers;
    }

    public Mono<FeeQuote> quote(TransferKind kind, String currencyCode, BigDecimal amount, Optional<ProviderName> provider) {
        Currency currency = Currency.fromCode(currencyCode).orElseThrow(() -> ApiException.badInput("Unknown currency '"
                + currencyCode + "': use one of " + Currency.supportedCodes(), "input", "currency"));
        Money money = switch (AmountCheck.of(amount, currency)) {
            case AmountCheck.Valid valid -> valid.money();
            case AmountCheck.Invalid invalid -> throw ApiException.badInput(invalid.message(), "input", "amount");
        };
        if (provider.isPresent() && kind != TransferKind.PAYOUT) {
            throw ApiException.badInput("provider is only for PAYOUT quotes", "input", "provider");
        }
        return switch (kind) {
            case P2P, ESCROW -> Mono.just(new FeeQuote(money, ledger.fees().quote(kind, money), null));
            case PAYOUT -> payout(money, provider);
            case DEPOSIT, TRADE, FEE -> throw ApiException.badInput("Fee quotes are for P2P, ESCROW and PAYOUT, got " + kind,
                    "input", "kind");
        };
    }

    private Mono<FeeQuote> payout(Money amount, Optional<ProviderName> provider) {
        if (amount.currency() != Currency.NGN) {
            throw ApiException.badInput("Payouts are in NGN only, got " + amount.currency(), "input", "currency");
        }
        PayoutQuotes quotes = payoutQuotes.getIfAvailable();
        if (quotes != null) {
            return quotes.quote(amount, provider);
        }
        PayoutProviders router = providers.getIfAvailable();
        if (router == null) {
            throw ApiException.badInput("Payouts are not configured on this server, so they cannot be quoted", "input", "kind");
        }
        return Mono.fromSupplier(() -> {
            ProviderName chosen = provider.orElseGet(() -> router.choose(amount));
            return new FeeQuote(amount, ledger.fees().quote(TransferKind.PAYOUT, amount)
                    .withProvider(router.providerFee(chosen, TransferKind.PAYOUT, amount)), chosen);
        });
    }
}
