package com.ventusvault.payments.graphql;

import com.ventusvault.payments.domain.LedgerAccount;
import com.ventusvault.payments.domain.Money;
import java.util.UUID;

/** (Named like the schema type so federation resolves {@code _Entity} to it.) A {@code Wallet} as GraphQL serves it; {@code balance} and {@code owner} are resolved by {@link WalletController}. */
public record Wallet(String id, UUID ownerId, String currency, Money posted) {

    static Wallet of(LedgerAccount wallet) {
        return new Wallet(wallet.id().toString(), wallet.owner(), wallet.currency().name(), wallet.balance());
    }
}
