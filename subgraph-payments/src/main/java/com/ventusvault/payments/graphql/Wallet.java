package com.ventusvault.payments.graphql;

import com.ventusvault.payments.domain.LedgerAccount;
import com.ventusvault.payments.domain.Money;
import java.util.UUID;

/**
 * (Named like the schema type so federation resolves {@code _Entity} to it.) A {@code Wallet} as GraphQL serves it;
 * {@code balance}, {@code available}, {@code held} and {@code owner} are resolved by {@link WalletController}.
 *
 * @param posted the posted balance
 * @param reserved what pending holds reserve of it
 */
public record Wallet(String id, UUID ownerId, String currency, Money posted, Money reserved) {

    /** A wallet with nothing held. */
    public Wallet(String id, UUID ownerId, String currency, Money posted) {
        this(id, ownerId, currency, posted, Money.zero(posted.currency()));
    }

    static Wallet of(LedgerAccount wallet) {
        return new Wallet(wallet.id().toString(), wallet.owner(), wallet.currency().name(), wallet.balance(), wallet.held());
    }
}
