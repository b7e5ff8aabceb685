package com.ventusvault.markets.graphql;

import com.ventusvault.markets.config.MarketsProperties;
import com.ventusvault.markets.domain.MarketSnapshot;
import com.ventusvault.markets.domain.Pair;
import com.ventusvault.markets.domain.PairParsing;
import com.ventusvault.markets.domain.Quote;
import com.ventusvault.markets.feed.MarketFeed;
import com.ventusvault.platform.errors.ApiException;
import com.ventusvault.platform.errors.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/**
 * {@code rate}, {@code rates} and {@code Rate} entity resolution, all read from the feed's latest snapshot, and
 * {@code rateUpdated}, which follows the feed's ticks. Pairs are
 * case-insensitive; one that is malformed, names an unknown asset or repeats an asset is a BAD_REQUEST error whose
 * message names the pair and lists the supported assets.
 */
@Controller
class RateController {

    private final MarketFeed feed;
    private final MarketsProperties properties;

    RateController(MarketFeed feed, MarketsProperties properties) {
        this.feed = feed;
        this.properties = properties;
    }

    @QueryMapping
    Rate rate(@Argument String pair) {
        MarketSnapshot market = feed.current();
        return toRate(market, parse(pair, "pair"), feed.isStale(market));
    }

    @QueryMapping
    List<Rate> rates(@Argument List<String> pairs) {
        return quoteAll(parseAll("rates", pairs != null ? pairs : properties.defaultPairs()));
    }

    /** Each tick's rates of the pairs, as the feed moves (never stale: a rate is sent because it is new). */
    @SubscriptionMapping
    Flux<Rate> rateUpdated(@Argument List<String> pairs) {
        if (pairs.isEmpty()) {
            throw ApiException.badInput("rateUpdated needs at least one pair, e.g. [\"BTC/USD\"]", "pairs");
        }
        List<Pair> parsed = parseAll("rateUpdated", pairs);
        return feed.ticks().concatMapIterable(market -> parsed.stream().filter(market::quotes)
                .map(pair -> toRate(market, pair, false)).toList());
    }

    private List<Pair> parseAll(String field, List<String> pairs) {
        if (pairs.size() > properties.maxPairsPerRequest()) {
            throw new ApiException(ErrorCode.LIMIT_EXCEEDED, field + " accepts at most " + properties.maxPairsPerRequest()
                    + " pairs per request, got " + pairs.size(), List.of("pairs"));
        }
        List<Pair> parsed = new ArrayList<>(pairs.size());
        for (int i = 0; i < pairs.size(); i++) {
            parsed.add(parse(pairs.get(i), "pairs", String.valueOf(i)));
        }
        return parsed;
    }

    /**
     * Batched resolution of {@code Rate} representations: one snapshot serves the whole batch, so every rate in a
     * response is from the same moment. An unresolvable pair fails the batch with an error naming it, because the
     * batched form has no way to fail a single representation.
     */
    @EntityMapping
    List<Rate> rate(@Argument("pair") List<String> pairs) {
        List<Pair> parsed = new ArrayList<>(pairs.size());
        List<String> refused = new ArrayList<>();
        for (String pair : pairs) {
            switch (Pair.parse(pair)) {
                case PairParsing.Parsed(Pair p) -> parsed.add(p);
                case PairParsing.Rejected(String reason) -> refused.add(reason);
            }
        }
        if (!refused.isEmpty()) {
            throw ApiException.badInput(String.join("; ", refused), "representations");
        }
        return quoteAll(parsed);
    }

    private List<Rate> quoteAll(List<Pair> pairs) {
        MarketSnapshot market = feed.current();
        boolean stale = feed.isStale(market);
        return pairs.stream().map(pair -> toRate(market, pair, stale)).toList();
    }

    private static Pair parse(String text, String... field) {
        return switch (Pair.parse(text)) {
            case PairParsing.Parsed(Pair pair) -> pair;
            case PairParsing.Rejected(String reason) -> throw ApiException.badInput(reason, field);
        };
    }

    /** The pair's rate in {@code market}; RATE_UNAVAILABLE when the source has no price for one of its assets. */
    private Rate toRate(MarketSnapshot market, Pair pair, boolean stale) {
        if (!market.quotes(pair)) {
            throw new ApiException(ErrorCode.RATE_UNAVAILABLE, "No " + feed.sourceName() + " price for " + pair
                    + (market.usdPrices().size() <= 1 ? " yet: the source has not answered since startup; retry shortly"
                    : ": the source does not quote one of its assets"));
        }
        Quote quote = market.quote(pair);
        return new Rate(quote.pair().toString(), quote.price(), quote.bid(), quote.ask(), feed.sourceName(), quote.asOf(),
                stale);
    }
}
