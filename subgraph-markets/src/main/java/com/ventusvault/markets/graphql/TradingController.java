package com.ventusvault.markets.graphql;

import com.ventusvault.markets.trading.StoredTrade;
import com.ventusvault.markets.trading.Trading;
import com.ventusvault.platform.errors.ApiException;
import com.ventusvault.platform.security.Viewer;
import com.ventusvault.platform.security.ViewerArgumentResolver;
import graphql.GraphQLContext;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code createQuote}, {@code executeTrade}, {@code quote}, {@code trade} and {@code trades}: the signed-in user's
 * own only (another user's quote or trade does not exist for them). Refusals are user errors.
 */
@Controller
class TradingController {

    private static final int MAX_PAGE = 100;

    private final Trading trading;

    TradingController(Trading trading) {
        this.trading = trading;
    }

    record CreateQuoteInput(String fromCurrency, String toCurrency, BigDecimal amount) {
    }

    record QuotePayload(Quote quote, List<UserError> userErrors) {
    }

    record TradePayload(Trade trade, List<UserError> userErrors) {
    }

    record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    record TradeEdge(String cursor, Trade node) {
    }

    record TradeConnection(List<TradeEdge> edges, PageInfo pageInfo) {
    }

    @MutationMapping
    Mono<QuotePayload> createQuote(@Argument CreateQuoteInput input, Viewer viewer) {
        return trading.createQuote(viewer.userId(), input.fromCurrency(), input.toCurrency(), input.amount())
                .map(outcome -> new QuotePayload(outcome.value() == null ? null : Quote.of(outcome.value()),
                        errors(outcome.refusal())));
    }

    @MutationMapping
    Mono<TradePayload> executeTrade(@Argument String quoteId, @Argument String idempotencyKey, Viewer viewer) {
        return trading.execute(viewer.userId(), quoteId, idempotencyKey)
                .map(outcome -> new TradePayload(outcome.value() == null ? null : Trade.of(outcome.value()),
                        errors(outcome.refusal())));
    }

    @QueryMapping
    Mono<Quote> quote(@Argument String id, Viewer viewer) {
        return uuid(id).map(quote -> trading.quote(quote, viewer.userId()).map(Quote::of)).orElse(Mono.empty());
    }

    @QueryMapping
    Mono<Trade> trade(@Argument String id, Viewer viewer) {
        return uuid(id).map(trade -> trading.trade(trade, viewer.userId()).map(Trade::of)).orElse(Mono.empty());
    }

    @QueryMapping
    Mono<TradeConnection> trades(@Argument Integer first, @Argument String after, Viewer viewer) {
        int size = first == null ? 20 : first;
        if (size < 1 || size > MAX_PAGE) {
            throw ApiException.badInput("first must be between 1 and " + MAX_PAGE + ", got " + size, "first");
        }
        Cursor cursor = after == null ? null : Cursor.parse(after);
        return trading.history(viewer.userId(), cursor == null ? null : cursor.createdAt(),
                        cursor == null ? null : cursor.id(), size + 1)
                .collectList()
                .map(rows -> {
                    List<StoredTrade> page = rows.subList(0, Math.min(size, rows.size()));
                    List<TradeEdge> edges = page.stream()
                            .map(trade -> new TradeEdge(new Cursor(trade.createdAt(), trade.id()).text(), Trade.of(trade)))
                            .toList();
                    return new TradeConnection(edges, new PageInfo(rows.size() > size, after != null,
                            edges.isEmpty() ? null : edges.getFirst().cursor(),
                            edges.isEmpty() ? null : edges.getLast().cursor()));
                });
    }

    /** Entity resolution (same visibility as {@code quote}): null for ids that are not the viewer's quotes. */
    @EntityMapping("Quote")
    Mono<List<Quote>> quotes(List<Map<String, Object>> representations, GraphQLContext context) {
        return resolve(representations, context, (id, user) -> trading.quote(id, user).map(Quote::of));
    }

    /** Entity resolution (same visibility as {@code trade}). */
    @EntityMapping("Trade")
    Mono<List<Trade>> trades(List<Map<String, Object>> representations, GraphQLContext context) {
        return resolve(representations, context, (id, user) -> trading.trade(id, user).map(Trade::of));
    }

    @SchemaMapping(typeName = "Trade")
    Mono<Quote> quote(Trade trade, Viewer viewer) {
        return trading.quote(UUID.fromString(trade.quoteId()), viewer.userId()).map(Quote::of);
    }

    /** Each representation's entity, in order, null where the id is not the viewer's. */
    private static <T> Mono<List<T>> resolve(List<Map<String, Object>> representations, GraphQLContext context,
                                             BiFunction<UUID, UUID, Mono<T>> find) {
        UUID user = ViewerArgumentResolver.required(context).userId();
        return Flux.fromIterable(representations)
                .concatMap(representation -> uuid(String.valueOf(representation.get("id")))
                        .map(id -> find.apply(id, user).map(Optional::of))
                        .orElse(Mono.empty()).defaultIfEmpty(Optional.<T>empty()))
                .map(found -> found.orElse(null))
                .collectList();
    }

    private static List<UserError> errors(Trading.Refusal refusal) {
        return refusal == null ? List.of()
                : List.of(new UserError(refusal.code(), refusal.message(),
                        refusal.field() == null ? null : fieldPath(refusal.field())));
    }

    /** Input fields of createQuote sit under {@code input}; executeTrade's arguments are top level. */
    private static List<String> fieldPath(String field) {
        return switch (field) {
            case "fromCurrency", "toCurrency", "amount" -> List.of("input", field);
            default -> List.of(field);
        };
    }

    private static Optional<UUID> uuid(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** An opaque position in the newest-first history: the trade's time and id. */
    record Cursor(Instant createdAt, UUID id) {

        String text() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString((createdAt + "|" + id)
                    .getBytes(StandardCharsets.UTF_8));
        }

        static Cursor parse(String text) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|", 2);
                return new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
            } catch (RuntimeException e) {
                throw ApiException.badInput("after is not a cursor this API gave out", "after");
            }
        }
    }
}
