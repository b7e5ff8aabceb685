package com.ventusvault.payments.persistence;

import com.ventusvault.payments.domain.AccountId;
import com.ventusvault.payments.domain.AccountKind;
import com.ventusvault.payments.domain.Currency;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Who owns a wallet and in which currency: facts fixed when the wallet is opened (nothing updates {@code owner_id},
 * {@code kind} or {@code currency}, and accounts are never deleted), so they are cached (bounded) and a payment need
 * not read the sender's wallet before its transaction only to learn them. Balances are never cached: the posting
 * transaction reads and locks the accounts ({@code FOR UPDATE}) and the ledger rules decide on what it read.
 */
@Repository
public class WalletOwners {

    /** Beyond this many wallets the cache starts over (a bound, not an eviction policy: misses only cost a read). */
    private static final int MAX_CACHED = 100_000;

    private final DatabaseClient database;
    private final Map<AccountId, Facts> known = new ConcurrentHashMap<>();

    public WalletOwners(DatabaseClient database) {
        this.database = database;
    }

    /** The currency of {@code wallet} if it is a wallet of {@code user}; empty if no such wallet is the user's. */
    public Mono<Optional<Currency>> currencyOfWalletOwnedBy(UUID user, AccountId wallet) {
        Facts cached = known.get(wallet);
        Mono<Facts> facts = cached != null ? Mono.just(cached) : database.sql(
                        "select kind, owner_id, currency from ledger_account where id = :id")
                .bind("id", wallet.value())
                .map(row -> new Facts(AccountKind.valueOf(row.get("kind", String.class)), row.get("owner_id", UUID.class),
                        Currency.valueOf(row.get("currency", String.class))))
                .one()
                .doOnNext(found -> {
                    if (known.size() >= MAX_CACHED) {
                        known.clear();
                    }
                    known.put(wallet, found);
                });
        return facts.map(found -> found.kind() == AccountKind.USER_WALLET && user.equals(found.owner())
                        ? Optional.of(found.currency()) : Optional.<Currency>empty())
                .defaultIfEmpty(Optional.empty());
    }

    private record Facts(AccountKind kind, UUID owner, Currency currency) {
    }
}
