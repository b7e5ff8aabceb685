package com.ventusvault.payments.holds;

import com.ventusvault.payments.config.PaymentsProperties;
import com.ventusvault.payments.domain.AccountId;
import com.ventusvault.payments.domain.AccountKind;
import com.ventusvault.payments.domain.LedgerAccount;
import com.ventusvault.payments.domain.Money;
import com.ventusvault.payments.domain.Posting;
import com.ventusvault.payments.domain.Rejection;
import com.ventusvault.payments.domain.RejectionCode;
import com.ventusvault.payments.domain.TransferId;
import com.ventusvault.payments.persistence.LedgerAccountRepository;
import com.ventusvault.payments.persistence.TransferRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Two-phase holds on wallets. {@link #place} reserves money (the wallet's {@code held} grows, its {@code available}
 * shrinks, its balance does not move); {@link #post} turns a PENDING hold into journal entries (in full or in part);
 * {@link #voidHold} releases it; the {@link #sweep} expires PENDING holds past their expiry on the server clock and
 * publishes {@link HoldExpired}. A hold is resolved at most once: every resolution locks the hold row and the
 * database refuses a second one. Each call runs in one transaction, joining the caller's if there is one.
 */
@Service
public class HoldService {

    private static final Logger log = LoggerFactory.getLogger(HoldService.class);
    private static final int SWEEP_BATCH = 500;

    private final HoldStore holds;
    private final LedgerAccountRepository accounts;
    private final TransferRepository transfers;
    private final TransactionalOperator transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration defaultTtl;

    public HoldService(HoldStore holds, LedgerAccountRepository accounts, TransferRepository transfers,
                       TransactionalOperator transactions, ApplicationEventPublisher events, Clock clock,
                       PaymentsProperties properties) {
        this.holds = holds;
        this.accounts = accounts;
        this.transfers = transfers;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        this.defaultTtl = properties.holds().defaultTtl();
    }

    /** {@link #place(TransferId, AccountId, Money, Duration)} with {@code ventus.payments.holds.default-ttl}. */
    public Mono<HoldResult> place(TransferId transfer, AccountId wallet, Money amount) {
        return place(transfer, wallet, amount, defaultTtl);
    }

    /**
     * Reserves {@code amount} of the wallet for the (already inserted) transfer until {@code ttl} from now: locks the
     * wallet, refuses INSUFFICIENT_FUNDS when its available balance (balance - held) is below the amount, else inserts
     * a PENDING hold. WALLET_NOT_FOUND when the account is not a wallet, CURRENCY_MISMATCH when it holds another currency.
     */
    public Mono<HoldResult> place(TransferId transfer, AccountId wallet, Money amount, Duration ttl) {
        Objects.requireNonNull(amount, "amount");
        if (!amount.isPositive() || ttl.isNegative() || ttl.isZero()) {
            return Mono.error(new IllegalArgumentException("A hold needs a positive amount and ttl, got " + amount + ", " + ttl));
        }
        return transactions.transactional(accounts.lockInIdOrder(List.of(wallet)).next()
                .flatMap(account -> {
                    HoldResult refusal = check(account, amount);
                    if (refusal != null) {
                        return Mono.just(refusal);
                    }
                    Instant now = now();
                    return holds.insert(HoldId.random(), transfer, wallet, amount, now, now.plus(ttl))
                            .<HoldResult>map(HoldResult.Held::new);
                })
                .switchIfEmpty(Mono.fromSupplier(() -> refused(RejectionCode.WALLET_NOT_FOUND, "No wallet has id " + wallet))));
    }

    private HoldResult check(LedgerAccount account, Money amount) {
        if (account.kind() != AccountKind.USER_WALLET) {
            return refused(RejectionCode.WALLET_NOT_FOUND, "No wallet has id " + account.id());
        }
        if (account.currency() != amount.currency()) {
            return refused(RejectionCode.CURRENCY_MISMATCH, "Wallet " + account.id() + " holds " + account.currency()
                    + ", not " + amount.currency());
        }
        if (!account.canGive(amount)) {
            return refused(RejectionCode.INSUFFICIENT_FUNDS, "Reserving " + amount + " needs that much available, but "
                    + "the wallet has " + account.available() + " available");
        }
        return null;
    }

    /**
     * Posts a PENDING hold, in one transaction: the hold must be PENDING (else HOLD_ALREADY_RESOLVED, or HOLD_EXPIRED
     * when the sweep expired it) and not past its expiry (HOLD_EXPIRED); {@code amount} (at most the hold's) is what
     * the postings debit from the held wallet (its net posting must be {@code -amount}); the postings must balance.
     * The hold becomes POSTED (held drops by the whole hold amount: the rest is released) BEFORE the journal entries
     * of the hold's transfer are appended, so the wallet's balance - held never dips below zero in between.
     */
    public Mono<HoldResult> post(HoldId hold, Money amount, List<Posting> postings) {
        return transactions.transactional(holds.lock(hold)
                .switchIfEmpty(Mono.error(() -> new IllegalArgumentException("No hold has id " + hold)))
                .flatMap(found -> {
                    Instant now = now();
                    HoldResult refusal = unresolvable(found, now);
                    if (refusal != null) {
                        return Mono.just(refusal);
                    }
                    requirePostable(found, amount, postings);
                    List<AccountId> involved = new ArrayList<>(postings.stream().map(Posting::account).toList());
                    involved.add(found.account());
                    return accounts.lockInIdOrder(involved).then(
                            holds.resolve(hold, HoldStatus.POSTED, amount, null, now)
                                    .switchIfEmpty(Mono.error(() -> new IllegalStateException("Hold " + hold + " changed under its lock")))
                                    .flatMap(posted -> transfers.appendEntries(found.transfer(), postings)
                                            .thenReturn((HoldResult) new HoldResult.Held(posted))));
                }));
    }

    /** Releases a PENDING hold (VOIDED, with the reason); HOLD_ALREADY_RESOLVED / HOLD_EXPIRED otherwise. */
    public Mono<HoldResult> voidHold(HoldId hold, String reason) {
        return transactions.transactional(holds.lock(hold)
                .switchIfEmpty(Mono.error(() -> new IllegalArgumentException("No hold has id " + hold)))
                .flatMap(found -> found.status() != HoldStatus.PENDING ? Mono.just(alreadyResolved(found))
                        : holds.resolve(hold, HoldStatus.VOIDED, null, reason, now()).<HoldResult>map(HoldResult.Held::new)));
    }

    /** The hold, if it exists. */
    public Mono<Hold> find(HoldId hold) {
        return holds.find(hold);
    }

    /**
     * Expires every PENDING hold past its expiry on the server clock, one hold per statement (so an expiry never
     * deadlocks with a post), and publishes {@link HoldExpired} for each after it committed. Returns the events.
     */
    public Flux<HoldExpired> expireDue() {
        Instant now = now();
        return holds.due(now, SWEEP_BATCH)
                .concatMap(id -> holds.expire(id, now))
                .map(expired -> new HoldExpired(expired.id(), expired.transfer()))
                // Listeners run off the database I/O threads, so one that blocks cannot stall the driver.
                .publishOn(Schedulers.boundedElastic())
                .doOnNext(events::publishEvent);
    }

    /** Runs {@link #expireDue()} every {@code ventus.payments.holds.sweep-interval}. */
    @Scheduled(fixedDelayString = "${ventus.payments.holds.sweep-interval:10s}",
            initialDelayString = "${ventus.payments.holds.sweep-interval:10s}")
    void sweep() {
        try {
            expireDue().then().block(Duration.ofMinutes(1));
        } catch (RuntimeException e) {
            log.warn("Hold expiry sweep failed; the next run retries", e);
        }
    }

    private HoldResult unresolvable(Hold hold, Instant now) {
        if (hold.status() != HoldStatus.PENDING) {
            return alreadyResolved(hold);
        }
        if (hold.isExpiredAt(now)) {
            return refused(RejectionCode.HOLD_EXPIRED, "Hold " + hold.id() + " expired at " + hold.expiresAt());
        }
        return null;
    }

    private static void requirePostable(Hold hold, Money amount, List<Posting> postings) {
        if (amount.currency() != hold.amount().currency() || !amount.isPositive() || amount.compareTo(hold.amount()) > 0) {
            throw new IllegalArgumentException("Hold " + hold.id() + " of " + hold.amount() + " cannot post " + amount);
        }
        Money sum = Money.zero(amount.currency());
        Money fromHeld = Money.zero(amount.currency());
        for (Posting posting : postings) {
            sum = sum.plus(posting.amount());
            if (posting.account().equals(hold.account())) {
                fromHeld = fromHeld.plus(posting.amount());
            }
        }
        if (sum.amount().signum() != 0 || fromHeld.compareTo(amount.negate()) != 0) {
            throw new IllegalArgumentException("Postings of hold " + hold.id() + " must balance and debit " + amount
                    + " from " + hold.account() + ", got " + postings);
        }
    }

    private static HoldResult alreadyResolved(Hold hold) {
        if (hold.status() == HoldStatus.EXPIRED) {
            return refused(RejectionCode.HOLD_EXPIRED, "Hold " + hold.id() + " expired at " + hold.expiresAt());
        }
        return refused(RejectionCode.HOLD_ALREADY_RESOLVED, "Hold " + hold.id() + " is already " + hold.status());
    }

    private static HoldResult refused(RejectionCode code, String message) {
        return new HoldResult.Refused(Rejection.of(code, message));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
