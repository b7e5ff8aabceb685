package com.ventusvault.markets.feed;

import com.ventusvault.markets.config.MarketsProperties;
import com.ventusvault.markets.domain.Asset;
import com.ventusvault.markets.domain.MarketSnapshot;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchange.Exchange;
import org.knowm.xchange.ExchangeFactory;
import org.knowm.xchange.ExchangeSpecification;
import org.knowm.xchange.currency.Currency;
import org.knowm.xchange.currency.CurrencyPair;
import org.knowm.xchange.dto.marketdata.Ticker;
import org.knowm.xchange.kraken.KrakenExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A real exchange through XChange (the JVM's counterpart of ccxt): Kraken's public tickers, one per asset against USD,
 * the mid of its best bid and ask taken as the asset's USD price. Assets the exchange does not list against USD
 * (NGN) are not priced, so their pairs have no rate. XChange is blocking, so each tick runs on the bounded elastic
 * scheduler, within {@code ventus.markets.xchange.timeout}; a failure leaves the feed on its last good snapshot. The
 * exchange's asset and pair lists are fetched at the first tick (and again until that succeeds), never at startup, so
 * markets starts even when the exchange is down.
 */
final class XChangeSource implements PriceSource {

    /** Assets and the currency pair that prices each in USD on the exchange. */
    private static final Map<Asset, CurrencyPair> PAIRS = Map.of(
            Asset.BTC, usd(Currency.BTC), Asset.ETH, usd(Currency.ETH), Asset.SOL, usd(Currency.SOL),
            Asset.USDT, usd(Currency.USDT), Asset.USDC, usd(Currency.USDC), Asset.EUR, usd(Currency.EUR),
            Asset.GBP, usd(Currency.GBP));

    private final Exchange exchange;
    private final MarketsProperties.Xchange settings;
    /** Whether the exchange's asset and pair lists are loaded (XChange needs them to name pairs the exchange's way). */
    private volatile boolean initialised;

    XChangeSource(MarketsProperties.Xchange settings) {
        if (!settings.exchange().equalsIgnoreCase("kraken")) {
            throw new IllegalArgumentException("ventus.markets.xchange.exchange=" + settings.exchange()
                    + " is not supported; supported: kraken");
        }
        ExchangeSpecification specification = new ExchangeSpecification(KrakenExchange.class);
        specification.setSslUri(settings.baseUrl().toString());
        specification.setHost(settings.baseUrl().getHost());
        specification.setShouldLoadRemoteMetaData(false);
        this.exchange = ExchangeFactory.INSTANCE.createExchange(specification);
        this.settings = settings;
    }

    @Override
    public String name() {
        return settings.exchange().toLowerCase(Locale.ROOT);
    }

    @Override
    public Mono<MarketSnapshot> next(MarketSnapshot previous, Instant now) {
        return Mono.fromCallable(() -> {
                    if (!initialised) {
                        exchange.remoteInit();
                        initialised = true;
                    }
                    EnumMap<Asset, BigDecimal> prices = new EnumMap<>(Asset.class);
                    for (Map.Entry<Asset, CurrencyPair> asset : PAIRS.entrySet()) {
                        Ticker ticker = exchange.getMarketDataService().getTicker(asset.getValue());
                        BigDecimal mid = ticker.getBid().add(ticker.getAsk()).divide(BigDecimal.TWO, MathContext.DECIMAL64);
                        prices.put(asset.getKey(), mid);
                    }
                    return new MarketSnapshot(now, prices);
                })
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(settings.timeout());
    }

    private static CurrencyPair usd(Currency base) {
        return new CurrencyPair(base, Currency.USD);
    }

    @Override
    public boolean hasReferencePrices() {
        return false;
    }
}
