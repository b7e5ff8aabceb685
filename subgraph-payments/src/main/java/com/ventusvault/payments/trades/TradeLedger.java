package com.ventusvault.payments.trades;

import com.ventusvault.payments.audit.AuditOutbox;
import com.ventusvault.payments.domain.AccountId;
import com.ventusvault.payments.domain.AccountKind;
import com.ventusvault.payments.domain.Fees;
import com.ventusvault.payments.domain.LedgerAccount;
import com.ventusvault.payments.domain.Money;
import com.ventusvault.payments.domain.Posting;
import com.ventusvault.payments.domain.Transfer;
import com.ventusvault.payments.domain.TransferId;
import com.ventusvault.payments.domain.TransferKind;
import com.ventusvault.payments.domain.TransferStatus;
import com.ventusvault.payments.persistence.LedgerAccountRepository;
import com.ventusvault.payments.persistence.TransferRepository;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Posts a trade exactly once, in one database transaction: take the trade id's lock; answer as before if the trade is
 * known (a different instruction under the same id is a {@link Mismatch}); else decide against the locked accounts
 * and write either both legs and the trade, or the trade's failure. The legs are TRADE transfers, double entry in their
 * own currency: the sell leg takes amount plus fee out of the user's wallet into FX liquidity and a fee revenue shard,
 * the buy leg pays the bought amount from FX liquidity into the user's wallet (opened if missing).
 */
@Service
public class TradeLedger {

    /** Namespace of the advisory locks on trade ids. */
    private static final int TRADE_LOCK_SPACE = 4003;

    private final LedgerAccountRepository accounts;
    private final TransferRepository transfers;
    private final AuditOutbox audit;
    private final DatabaseClient database;
    private final TransactionalOperator transactions;
    private final Clock clock;

    TradeLedger(LedgerAccountRepository accounts, TransferRepository transfers, AuditOutbox audit,
                DatabaseClient database, TransactionalOperator transactions, Clock clock) {
        this.accounts = accounts;
        this.transfers = transfers;
        this.audit = audit;
        this.database = database;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The same trade id with another instruction: refused, nothing written. */
    static final class Mismatch extends RuntimeException {
        Mismatch(String message) {
            super(message);
        }
    }

    /** The answer's JSON: the stored one for a known trade, else the one just decided and stored. */
    public Mono<String> execute(TradeInstruction trade) {
        return transactions.transactional(database.sql("select pg_advisory_xact_lock(" + TRADE_LOCK_SPACE
                        + ", hashtext(:id))").bind("id", trade.tradeId().toString()).then()
                .then(stored(trade))
                .switchIfEmpty(Mono.defer(() -> decide(trade).flatMap(answer -> store(trade, answer)))));
    }

    private Mono<String> stored(TradeInstruction trade) {
        return database.sql("select fingerprint, answer from fx_trade where trade_id = :id or quote_id = :quote")
                .bind("id", trade.tradeId()).bind("quote", trade.quoteId())
                .map(row -> new String[] {row.get("fingerprint", String.class), row.get("answer", String.class)})
                .all().next()
                .flatMap(row -> row[0].equals(trade.fingerprint()) ? Mono.just(row[1]) : Mono.error(new Mismatch(
                        "Trade " + trade.tradeId() + " or quote " + trade.quoteId() + " was already instructed differently")));
    }

    private Mono<TradeAnswer> decide(TradeInstruction trade) {
        if (clock.instant().isAfter(trade.expiresAt())) {
            return Mono.just(TradeAnswer.failed(trade.tradeId(), "QUOTE_EXPIRED",
                    "The quote expired at " + trade.expiresAt() + " before the trade reached the ledger"));
        }
        // Short of funds already before any lock: refused before the buy wallet is opened, so a refused trade leaves
        // no wallet behind (the decision that counts is taken again in post, under the locks).
        return accounts.findWallet(trade.userId(), trade.sell().currency())
                .flatMap(sellWallet -> sellWallet.available().compareTo(trade.sell().plus(trade.fee())) < 0
                        ? Mono.just(insufficient(trade, sellWallet.available()))
                        : lockAndPost(trade, sellWallet.id()))
                .switchIfEmpty(Mono.fromSupplier(() -> TradeAnswer.failed(trade.tradeId(), "WALLET_NOT_FOUND",
                        "The user has no " + trade.sell().currency() + " wallet to sell from")));
    }

    /** Opens the buy wallet if missing, locks the five accounts in id order, then posts (or refuses). */
    private Mono<TradeAnswer> lockAndPost(TradeInstruction trade, AccountId sellWallet) {
        return accounts.openWallet(trade.userId(), trade.buy().currency())
                .zipWith(Mono.zip(accounts.systemAccount(AccountKind.FX_LIQUIDITY, trade.sell().currency()),
                        accounts.systemAccount(AccountKind.FX_LIQUIDITY, trade.buy().currency()),
                        accounts.feeRevenueShard(trade.sell().currency())))
                .flatMap(found -> {
                    AccountId buyWallet = found.getT1().id();
                    AccountId fxSell = found.getT2().getT1();
                    AccountId fxBuy = found.getT2().getT2();
                    AccountId fee = found.getT2().getT3();
                    return accounts.lockInIdOrder(List.of(sellWallet, buyWallet, fxSell, fxBuy, fee))
                            .collectMap(LedgerAccount::id, Function.identity())
                            .flatMap(locked -> post(trade, locked, sellWallet, buyWallet, fxSell, fxBuy, fee));
                });
    }

    private Mono<TradeAnswer> post(TradeInstruction trade, Map<AccountId, LedgerAccount> locked, AccountId sellWallet,
                                   AccountId buyWallet, AccountId fxSell, AccountId fxBuy, AccountId feeShard) {
        Money debit = trade.sell().plus(trade.fee());
        Money available = locked.get(sellWallet).available();
        if (available.compareTo(debit) < 0) {
            return Mono.just(insufficient(trade, available));
        }
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String note = "trade " + trade.tradeId();
        Transfer sell = new Transfer(TransferId.random(), TransferKind.TRADE, TransferStatus.COMPLETED, trade.sell(),
                Fees.platformOnly(trade.fee()), sellWallet, null, note, trade.userId(), now);
        Transfer buy = new Transfer(TransferId.random(), TransferKind.TRADE, TransferStatus.COMPLETED, trade.buy(),
                Fees.platformOnly(Money.zero(trade.buy().currency())), null, buyWallet, note, trade.userId(), now);
        List<Posting> sellPostings = trade.fee().isPositive()
                ? List.of(Posting.debit(sellWallet, debit), Posting.credit(fxSell, trade.sell()), Posting.credit(feeShard, trade.fee()))
                : List.of(Posting.debit(sellWallet, debit), Posting.credit(fxSell, trade.sell()));
        List<Posting> buyPostings = List.of(Posting.debit(fxBuy, trade.buy()), Posting.credit(buyWallet, trade.buy()));
        return audit.event("payments.trade.executed", "trade:" + trade.tradeId(), Map.of(
                        "quoteId", trade.quoteId().toString(), "sell", trade.sell().toString(), "buy", trade.buy().toString(),
                        "fee", trade.fee().toString(), "rate", trade.rate().toPlainString(),
                        "sellTransferId", sell.id().toString(), "buyTransferId", buy.id().toString()))
                .flatMap(event -> transfers.insert(sell, "trade:" + trade.tradeId() + ":sell", trade.fingerprint(), null,
                        sellPostings, event))
                .zipWith(transfers.insert(buy, "trade:" + trade.tradeId() + ":buy", trade.fingerprint(), null, buyPostings),
                        Boolean::logicalAnd)
                .flatMap(claimed -> claimed
                        ? Mono.just(TradeAnswer.completed(trade.tradeId(), sell.id().value(), buy.id().value()))
                        // Under the trade's lock no one else writes its keys: this is a broken invariant, not a race.
                        : Mono.error(new IllegalStateException("The legs of trade " + trade.tradeId() + " were already taken")));
    }

    private static TradeAnswer insufficient(TradeInstruction trade, Money available) {
        return TradeAnswer.failed(trade.tradeId(), "INSUFFICIENT_FUNDS", "Selling " + trade.sell() + " costs "
                + trade.sell().plus(trade.fee()) + " with the fee, but only " + available + " is available");
    }

    private Mono<String> store(TradeInstruction trade, TradeAnswer answer) {
        String json = answer.json();
        DatabaseClient.GenericExecuteSpec insert = database.sql("insert into fx_trade (trade_id, quote_id, user_id, "
                        + "fingerprint, status, sell_transfer_id, buy_transfer_id, failure_code, answer) values (:id, "
                        + ":quote, :user, :fingerprint, :status, :sell, :buy, :failure, :answer)")
                .bind("id", trade.tradeId()).bind("quote", trade.quoteId()).bind("user", trade.userId())
                .bind("fingerprint", trade.fingerprint()).bind("status", answer.status()).bind("answer", json);
        insert = answer.sellTransferId() == null ? insert.bindNull("sell", UUID.class).bindNull("buy", UUID.class)
                : insert.bind("sell", answer.sellTransferId()).bind("buy", answer.buyTransferId());
        insert = answer.failureCode() == null ? insert.bindNull("failure", String.class)
                : insert.bind("failure", answer.failureCode());
        return insert.then().thenReturn(json);
    }
}
