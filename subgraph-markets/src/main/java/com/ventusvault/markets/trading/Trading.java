package com.ventusvault.markets.trading;

import com.ventusvault.markets.domain.Asset;
import com.ventusvault.markets.domain.MarketSnapshot;
import com.ventusvault.markets.domain.Pair;
import com.ventusvault.markets.feed.MarketFeed;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Creates quotes and executes them. A trade is claimed in markets first (one per quote, one per user and key), then
 * posted by payments; payments' answer is recorded on it. Repeating a call with the same key returns the same trade,
 * resuming one whose answer never arrived (payments answers a trade id the same way every time).
 */
@Service
@EnableConfigurationProperties(TradingProperties.class)
public class Trading {

    private static final Logger log = LoggerFactory.getLogger(Trading.class);

    /** A business refusal, answered as a user error. */
    public record Refusal(String code, String message, String field) {
    }

    /** What a call led to: a quote or trade, and the user error if something was refused. */
    public record Outcome<T>(T value, Refusal refusal) {

        static <T> Outcome<T> of(T value) {
            return new Outcome<>(value, null);
        }

        static <T> Outcome<T> refused(String code, String message, String field) {
            return new Outcome<>(null, new Refusal(code, message, field));
        }
    }

    /** An id no trade has, for lookups that prefer none. */
    private static final UUID NO_TRADE = new UUID(0, 0);

    private final TradingRepository repository;
    private final PaymentsLedger payments;
    private final MarketFeed feed;
    private final TradingProperties properties;
    private final Clock clock;

    Trading(TradingRepository repository, PaymentsLedger payments, MarketFeed feed, TradingProperties properties,
            Clock clock) {
        this.repository = repository;
        this.payments = payments;
        this.feed = feed;
        this.properties = properties;
        this.clock = clock;
    }

    public Mono<Outcome<StoredQuote>> createQuote(UUID user, String fromCurrency, String toCurrency, BigDecimal amount) {
        Optional<Asset> from = Asset.of(fromCurrency.strip());
        Optional<Asset> to = Asset.of(toCurrency.strip());
        if (from.isEmpty() || to.isEmpty()) {
            String field = from.isEmpty() ? "fromCurrency" : "toCurrency";
            return Mono.just(Outcome.refused("UNSUPPORTED_CURRENCY", (from.isEmpty() ? fromCurrency : toCurrency)
                    + " is not traded; supported currencies are " + Asset.SUPPORTED, field));
        }
        MarketSnapshot market = feed.current();
        if (from.get() != to.get() && (!market.quotes(new Pair(from.get(), to.get())) || feed.isStale(market))) {
            return Mono.just(Outcome.refused("RATE_UNAVAILABLE", "The market has no fresh price (last one at "
                    + market.asOf() + "); a stale price is never quoted, retry shortly", null));
        }
        QuoteTerms terms;
        try {
            terms = QuoteTerms.of(market, from.get(), to.get(), amount, properties.feeRate());
        } catch (QuoteTerms.Refused refused) {
            return Mono.just(Outcome.refused(refused.code(), refused.getMessage(), refused.field()));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        StoredQuote quote = new StoredQuote(UUID.randomUUID(), user, terms, now.plus(properties.quoteTtl()), now);
        return repository.insert(quote).thenReturn(Outcome.of(quote));
    }

    public Mono<StoredQuote> quote(UUID id, UUID user) {
        return repository.quote(id, user);
    }

    public Mono<Outcome<StoredTrade>> execute(UUID user, String quoteId, String key) {
        if (key == null || key.isBlank() || key.length() > 255) {
            return Mono.just(Outcome.refused("INVALID_IDEMPOTENCY_KEY", "idempotencyKey must be 1 to 255 characters",
                    "idempotencyKey"));
        }
        Optional<UUID> id = parse(quoteId);
        Mono<StoredQuote> found = id.isEmpty() ? Mono.empty() : repository.quote(id.get(), user);
        return found.flatMap(quote -> {
                    Mono<StoredTrade> holder = clock.instant().isAfter(quote.expiresAt())
                            ? repository.holder(quote.id(), user, key, NO_TRADE)
                            : repository.claim(UUID.randomUUID(), quote.id(), user, key, clock.instant());
                    return holder.flatMap(trade -> continueTrade(trade, quote, key))
                            .switchIfEmpty(Mono.fromSupplier(() -> Outcome.refused("QUOTE_EXPIRED", "Quote " + quoteId
                                    + " expired at " + quote.expiresAt() + ": ask for a new one", "quoteId")));
                })
                .switchIfEmpty(Mono.fromSupplier(() -> Outcome.refused("QUOTE_NOT_FOUND",
                        "You have no quote " + quoteId, "quoteId")));
    }

    public Mono<StoredTrade> trade(UUID id, UUID user) {
        return repository.trade(id, user);
    }

    public Flux<StoredTrade> history(UUID user, Instant beforeCreated, UUID beforeId, int limit) {
        return repository.history(user, beforeCreated, beforeId, limit);
    }

    /**
     * Asks payments again about trades nobody heard back on; the background re-drive calls it. A trade payments
     * refuses outright (a misconfigured secret, an instruction it rejects) is logged and skipped, so it cannot hold
     * back the others; it stays INITIATED until someone looks.
     */
    public Flux<StoredTrade> resumeUnanswered() {
        return repository.unanswered(clock.instant().minus(properties.resumeAfter()))
                .concatMap(trade -> repository.quote(trade.quoteId(), trade.userId())
                        .flatMap(quote -> ask(trade, quote)).map(Outcome::value)
                        .onErrorResume(error -> {
                            log.error("Trade {} could not be resumed; it stays INITIATED", trade.id(), error);
                            return Mono.empty();
                        }));
    }

    private Mono<Outcome<StoredTrade>> continueTrade(StoredTrade trade, StoredQuote quote, String key) {
        if (!trade.quoteId().equals(quote.id())) {
            return Mono.just(Outcome.refused("IDEMPOTENCY_KEY_REUSED", "This idempotencyKey was already used for quote "
                    + trade.quoteId() + ": use a new key for a new trade", "idempotencyKey"));
        }
        if (!trade.idempotencyKey().equals(key)) {
            return Mono.just(Outcome.refused("QUOTE_ALREADY_EXECUTED", "Quote " + quote.id()
                    + " was already executed (trade " + trade.id() + ")", "quoteId"));
        }
        return trade.answered() ? Mono.just(answered(trade)) : ask(trade, quote);
    }

    private Mono<Outcome<StoredTrade>> ask(StoredTrade trade, StoredQuote quote) {
        return payments.post(trade, quote).flatMap(answer -> switch (answer) {
            case PaymentsLedger.Answer.Completed done -> repository.answer(trade, "COMPLETED", done.sellTransferId(),
                    done.buyTransferId(), null, null, clock.instant()).map(this::answered);
            case PaymentsLedger.Answer.Failed failed -> repository.answer(trade, "FAILED", null, null, failed.code(),
                    failed.message(), clock.instant()).map(this::answered);
            case PaymentsLedger.Answer.Unavailable unavailable -> Mono.just(new Outcome<>(trade, new Refusal(
                    "PAYMENTS_UNAVAILABLE", "The ledger did not answer; retry with the same idempotencyKey", null)));
        });
    }

    private Outcome<StoredTrade> answered(StoredTrade trade) {
        return trade.status().equals("FAILED")
                ? new Outcome<>(trade, new Refusal(trade.failureCode(), trade.failureMessage(), null))
                : Outcome.of(trade);
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
