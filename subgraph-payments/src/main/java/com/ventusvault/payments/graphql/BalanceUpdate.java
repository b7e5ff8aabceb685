package com.ventusvault.payments.graphql;

import com.ventusvault.payments.domain.Currency;
import com.ventusvault.payments.domain.Money;
import com.ventusvault.payments.outbox.OutboxEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A {@code BalanceUpdate} as GraphQL serves it, read from one {@code WalletBalanceChanged} outbox event: the amounts
 * after the change, as committed. {@code transfer} is resolved by {@link SubscriptionController}.
 *
 * @param transferId the transfer that moved the wallet, or null
 */
public record BalanceUpdate(Wallet wallet, Money balance, Money available, Money held, String transferId, Instant at,
                            long version) {

    static BalanceUpdate of(OutboxEvent event) {
        JsonNode payload = event.payload();
        Currency currency = Currency.fromCode(payload.path("currency").asString())
                .orElseThrow(() -> new IllegalStateException("Outbox event " + event.id() + " names no known currency"));
        Money balance = money(payload, "balance", currency);
        Money held = money(payload, "held", currency);
        Wallet wallet = new Wallet(payload.path("walletId").asString(),
                UUID.fromString(payload.path("ownerId").asString()), currency.name(), balance, held);
        JsonNode transfer = payload.path("transferId");
        return new BalanceUpdate(wallet, balance, balance.minus(held), held,
                transfer.isMissingNode() || transfer.isNull() ? null : transfer.asString(), event.createdAt(),
                payload.path("version").asLong());
    }

    /** The numeric(38, 18) text of the event at the currency's scale (the ledger never posts finer amounts). */
    private static Money money(JsonNode payload, String field, Currency currency) {
        return new Money(new BigDecimal(payload.path(field).asString()), currency);
    }
}
