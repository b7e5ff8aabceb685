package com.ventusvault.payments.graphql;

import com.ventusvault.payments.domain.AccountId;
import com.ventusvault.payments.domain.AccountKind;
import com.ventusvault.payments.domain.LedgerAccount;
import com.ventusvault.payments.domain.Money;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;

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

    /** Only user wallets are {@code Wallet}s; system accounts (the demo bank a deposit came from) show as null. */
    static CompletableFuture<Wallet> load(AccountId id, DataLoader<AccountId, LedgerAccount> loader) {
        if (id == null) {
            return CompletableFuture.completedFuture(null);
        }
        return loader.load(id).thenApply(account -> account == null || account.kind() != AccountKind.USER_WALLET
                ? null : Wallet.of(account));
    }
}
