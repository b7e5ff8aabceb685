package com.ventusvault.markets.trading;

import com.ventusvault.markets.domain.Asset;
import io.r2dbc.spi.Row;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Quotes and trades in markets' schema. */
@Repository
public class TradingRepository {

    private static final String TRADE_COLUMNS = "id, quote_id, user_id, idempotency_key, status, sell_transfer_id, "
            + "buy_transfer_id, failure_code, failure_message, created_at";

    private final DatabaseClient database;

    public TradingRepository(DatabaseClient database) {
        this.database = database;
    }

    public Mono<Void> insert(StoredQuote quote) {
        QuoteTerms terms = quote.terms();
        return database.sql("insert into quote (id, user_id, sell_currency, buy_currency, rate, sell_amount, buy_amount, "
                        + "fee_amount, expires_at, created_at) values (:id, :user, :from, :to, :rate, :sell, :buy, :fee, "
                        + ":expires, :created)")
                .bind("id", quote.id()).bind("user", quote.userId()).bind("from", terms.from().name())
                .bind("to", terms.to().name()).bind("rate", terms.rate()).bind("sell", terms.sell())
                .bind("buy", terms.buy()).bind("fee", terms.fee()).bind("expires", utc(quote.expiresAt()))
                .bind("created", utc(quote.createdAt()))
                .then();
    }

    /** The user's quote with this id (another user's does not exist for them). */
    public Mono<StoredQuote> quote(UUID id, UUID user) {
        return database.sql("select * from quote where id = :id and user_id = :user").bind("id", id).bind("user", user)
                .map((row, meta) -> quote(row)).one();
    }

    public Flux<StoredQuote> quotes(java.util.Collection<UUID> ids) {
        return database.sql("select * from quote where id = any(:ids)").bind("ids", ids.toArray(UUID[]::new))
                .map((row, meta) -> quote(row)).all();
    }

    /**
     * Inserts the INITIATED trade unless the quote or the user's key is taken; the trade that holds them either way
     * (this one, or the earlier one).
     */
    public Mono<StoredTrade> claim(UUID id, UUID quoteId, UUID user, String key, Instant now) {
        return database.sql("insert into trade (id, quote_id, user_id, idempotency_key, status, created_at, updated_at) "
                        + "values (:id, :quote, :user, :key, 'INITIATED', :now, :now) on conflict do nothing")
                .bind("id", id).bind("quote", quoteId).bind("user", user).bind("key", key).bind("now", utc(now))
                .then()
                .then(Mono.defer(() -> holder(quoteId, user, key, id)));
    }

    /**
     * The trade holding the user's key or the quote: the one with id {@code preferred} if it is one of them, then the
     * key's holder (a replay), then the quote's.
     */
    public Mono<StoredTrade> holder(UUID quoteId, UUID user, String key, UUID preferred) {
        return database.sql("select " + TRADE_COLUMNS + " from trade where quote_id = :quote "
                        + "or (user_id = :user and idempotency_key = :key) "
                        + "order by (id = :id) desc, (user_id = :user and idempotency_key = :key) desc limit 1")
                .bind("quote", quoteId).bind("user", user).bind("key", key).bind("id", preferred)
                .map((row, meta) -> trade(row)).one();
    }

    /** Records payments' answer on an INITIATED trade (an answered one keeps its first answer). */
    public Mono<StoredTrade> answer(StoredTrade trade, String status, UUID sell, UUID buy, String code, String message,
                                    Instant now) {
        var update = database.sql("update trade set status = :status, sell_transfer_id = :sell, buy_transfer_id = :buy, "
                        + "failure_code = :code, failure_message = :message, updated_at = :now "
                        + "where id = :id and status = 'INITIATED'")
                .bind("status", status).bind("id", trade.id()).bind("now", utc(now));
        update = sell == null ? update.bindNull("sell", UUID.class).bindNull("buy", UUID.class)
                : update.bind("sell", sell).bind("buy", buy);
        update = code == null ? update.bindNull("code", String.class).bindNull("message", String.class)
                : update.bind("code", code).bind("message", message);
        return update.then().then(Mono.defer(() -> trade(trade.id(), trade.userId())));
    }

    public Mono<StoredTrade> trade(UUID id, UUID user) {
        return database.sql("select " + TRADE_COLUMNS + " from trade where id = :id and user_id = :user")
                .bind("id", id).bind("user", user).map((row, meta) -> trade(row)).one();
    }

    /** The user's trades, newest first, after the one at ({@code createdAt}, {@code id}) when given. */
    public Flux<StoredTrade> history(UUID user, Instant beforeCreated, UUID beforeId, int limit) {
        String after = beforeCreated == null ? "" : " and (created_at, id) < (:created, :before)";
        var query = database.sql("select " + TRADE_COLUMNS + " from trade where user_id = :user" + after
                        + " order by created_at desc, id desc limit :limit")
                .bind("user", user).bind("limit", limit);
        if (beforeCreated != null) {
            query = query.bind("created", utc(beforeCreated)).bind("before", beforeId);
        }
        return query.map((row, meta) -> trade(row)).all();
    }

    /** INITIATED trades last touched before {@code before}: asked, never answered (payments or markets went down). */
    public Flux<StoredTrade> unanswered(Instant before) {
        return database.sql("select " + TRADE_COLUMNS + " from trade where status = 'INITIATED' and updated_at < :before "
                        + "order by created_at limit 100")
                .bind("before", utc(before)).map((row, meta) -> trade(row)).all();
    }

    private static StoredQuote quote(Row row) {
        Asset from = Asset.valueOf(row.get("sell_currency", String.class));
        Asset to = Asset.valueOf(row.get("buy_currency", String.class));
        QuoteTerms terms = new QuoteTerms(from, to, row.get("rate", BigDecimal.class),
                row.get("sell_amount", BigDecimal.class).setScale(from.scale()),
                row.get("buy_amount", BigDecimal.class).setScale(to.scale()),
                row.get("fee_amount", BigDecimal.class).setScale(from.scale()));
        return new StoredQuote(row.get("id", UUID.class), row.get("user_id", UUID.class), terms,
                instant(row, "expires_at"), instant(row, "created_at"));
    }

    private static StoredTrade trade(Row row) {
        return new StoredTrade(row.get("id", UUID.class), row.get("quote_id", UUID.class), row.get("user_id", UUID.class),
                row.get("idempotency_key", String.class), row.get("status", String.class),
                row.get("sell_transfer_id", UUID.class), row.get("buy_transfer_id", UUID.class),
                row.get("failure_code", String.class), row.get("failure_message", String.class),
                instant(row, "created_at"));
    }

    private static Instant instant(Row row, String column) {
        return row.get(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
