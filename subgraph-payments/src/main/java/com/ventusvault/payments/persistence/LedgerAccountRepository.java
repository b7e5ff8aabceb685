package com.ventusvault.payments.persistence;

import com.ventusvault.payments.domain.AccountId;
import com.ventusvault.payments.domain.AccountKind;
import com.ventusvault.payments.domain.Currency;
import com.ventusvault.payments.domain.LedgerAccount;
import com.ventusvault.payments.domain.Money;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads ledger accounts and opens wallets. Balances are never written here: only journal entries move them. */
@Repository
public class LedgerAccountRepository {

    private static final String COLUMNS = "id, kind, owner_id, currency, balance, allow_negative, held";

    private final DatabaseClient database;
    private final Map<String, AccountId> systemAccounts = new ConcurrentHashMap<>();
    private final Map<Currency, List<AccountId>> feeShards = new ConcurrentHashMap<>();

    public LedgerAccountRepository(DatabaseClient database) {
        this.database = database;
    }

    /** Opens the user's wallet in the currency, or returns the one already open (one per user and currency). */
    public Mono<LedgerAccount> openWallet(UUID owner, Currency currency) {
        // Two statements on purpose: the SELECT takes a fresh snapshot, so it also sees a wallet a concurrent
        // request committed while this INSERT waited on the unique index.
        return database.sql("insert into ledger_account (id, kind, owner_id, currency, allow_negative) "
                        + "values (:id, 'USER_WALLET', :owner, :currency, false) "
                        + "on conflict (owner_id, currency) where kind = 'USER_WALLET' do nothing")
                .bind("id", UUID.randomUUID()).bind("owner", owner).bind("currency", currency.name())
                .then()
                .then(findWallet(owner, currency));
    }

    public Mono<LedgerAccount> findWallet(UUID owner, Currency currency) {
        return database.sql("select " + COLUMNS + " from ledger_account "
                        + "where kind = 'USER_WALLET' and owner_id = :owner and currency = :currency")
                .bind("owner", owner).bind("currency", currency.name())
                .map(LedgerAccountRepository::toAccount).one();
    }

    public Mono<LedgerAccount> findById(AccountId id) {
        return database.sql("select " + COLUMNS + " from ledger_account where id = :id")
                .bind("id", id.value()).map(LedgerAccountRepository::toAccount).one();
    }

    /** Accounts by id, in one query. */
    public Flux<LedgerAccount> findByIds(Collection<AccountId> ids) {
        UUID[] values = ids.stream().map(AccountId::value).toArray(UUID[]::new);
        return database.sql("select " + COLUMNS + " from ledger_account where id = any(:ids)")
                .bind("ids", values).map(LedgerAccountRepository::toAccount).all();
    }

    /** The wallets of several users, in one query, ordered by owner then currency. */
    public Flux<LedgerAccount> walletsOwnedBy(Collection<UUID> owners) {
        return database.sql("select " + COLUMNS + " from ledger_account "
                        + "where kind = 'USER_WALLET' and owner_id = any(:owners) order by owner_id, currency")
                .bind("owners", owners.toArray(UUID[]::new)).map(LedgerAccountRepository::toAccount).all();
    }

    /**
     * Locks the accounts for the rest of the current transaction, always in ascending id order, so two transfers
     * touching the same accounts queue behind each other instead of deadlocking. Returns what exists.
     */
    public Flux<LedgerAccount> lockInIdOrder(Collection<AccountId> ids) {
        UUID[] values = ids.stream().map(AccountId::value).distinct().toArray(UUID[]::new);
        return database.sql("select " + COLUMNS + " from ledger_account where id = any(:ids) order by id for update")
                .bind("ids", values).map(LedgerAccountRepository::toAccount).all();
    }

    /**
     * The id of the system account of a kind in a currency, shard 0, no provider (seeded by the migrations; cached,
     * ids never change). For fee revenue prefer {@link #feeRevenueShards(Currency)}.
     */
    public Mono<AccountId> systemAccount(AccountKind kind, Currency currency) {
        return systemAccount(kind, currency, null);
    }

    /**
     * The id of the shard-0 system account of a kind, currency and provider ({@code PROVIDER_CLEARING} has one per
     * provider name, e.g. {@code "PAYSTACK"}; every other kind has {@code provider == null}).
     */
    public Mono<AccountId> systemAccount(AccountKind kind, Currency currency, String provider) {
        String key = kind + "/" + currency + "/" + provider;
        AccountId known = systemAccounts.get(key);
        if (known != null) {
            return Mono.just(known);
        }
        return database.sql("select id from ledger_account where kind = :kind and currency = :currency "
                        + "and owner_id is null and shard = 0 and coalesce(provider, '') = :provider")
                .bind("kind", kind.name()).bind("currency", currency.name()).bind("provider", provider == null ? "" : provider)
                .map(row -> new AccountId(row.get("id", UUID.class))).one()
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("No " + kind + " account for " + currency
                        + (provider == null ? "" : " at " + provider))))
                .doOnNext(id -> systemAccounts.put(key, id));
    }

    /**
     * A fee revenue shard of the currency, picked at random per call (per transfer): concurrent payments in one
     * currency then lock different rows, instead of all queueing on one until commit. Fee revenue is exact all the
     * same: it is the sum of the shards.
     */
    public Mono<AccountId> feeRevenueShard(Currency currency) {
        return feeRevenueShards(currency).map(ids -> ids.get(ThreadLocalRandom.current().nextInt(ids.size())));
    }

    /**
     * The fee revenue shards of a currency, by shard number (cached). A transfer credits its fee to one shard it
     * picks, so concurrent payments in one currency do not queue on one row; fee revenue is the sum of the shards.
     */
    public Mono<List<AccountId>> feeRevenueShards(Currency currency) {
        List<AccountId> known = feeShards.get(currency);
        if (known != null) {
            return Mono.just(known);
        }
        return database.sql("select id from ledger_account where kind = 'FEE_REVENUE' and currency = :currency "
                        + "and owner_id is null order by shard")
                .bind("currency", currency.name()).map(row -> new AccountId(row.get("id", UUID.class))).all()
                .collectList()
                .filter(ids -> !ids.isEmpty())
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("No FEE_REVENUE account for " + currency)))
                .map(List::copyOf)
                .doOnNext(ids -> feeShards.put(currency, ids));
    }

    static LedgerAccount toAccount(Readable row) {
        Currency currency = Currency.valueOf(row.get("currency", String.class));
        BigDecimal balance = row.get("balance", BigDecimal.class);
        return new LedgerAccount(new AccountId(row.get("id", UUID.class)), AccountKind.valueOf(row.get("kind", String.class)),
                row.get("owner_id", UUID.class), currency, new Money(balance, currency),
                Boolean.TRUE.equals(row.get("allow_negative", Boolean.class)),
                new Money(row.get("held", BigDecimal.class), currency));
    }
}
