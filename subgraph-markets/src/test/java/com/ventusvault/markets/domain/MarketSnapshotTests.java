package com.ventusvault.markets.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MarketSnapshotTests {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private final MarketSnapshot reference = MarketSnapshot.reference(NOW);

    @Test
    void quotesTheReferencePricesBeforeAnyTick() {
        assertThat(reference.quote(pair("BTC/USDT")).price()).isEqualByComparingTo("97000");
        assertThat(reference.quote(pair("ETH/USD")).price()).isEqualByComparingTo("3400");
        assertThat(reference.quote(pair("USD/NGN")).price()).isEqualByComparingTo("1550");
        assertThat(reference.quote(pair("EUR/USD")).price()).isEqualByComparingTo("1.08");
        assertThat(reference.quote(pair("GBP/USD")).price()).isEqualByComparingTo("1.27");
    }

    @Test
    void aPairAndItsInverseMultiplyToOne() {
        MarketSnapshot market = new RandomWalk(9).step(reference, NOW.plusSeconds(1));
        for (String text : new String[] {"USD/NGN", "BTC/ETH", "SOL/GBP", "USDT/USDC"}) {
            Pair pair = pair(text);
            BigDecimal product = market.quote(pair).price().multiply(market.quote(pair.inverse()).price());
            assertThat(product.doubleValue()).as(text).isCloseTo(1.0, within(1e-8));
        }
    }

    @Test
    void crossRatesGoThroughUsd() {
        BigDecimal btcEur = reference.quote(pair("BTC/EUR")).price();
        BigDecimal viaUsd = reference.quote(pair("BTC/USD")).price()
                .divide(reference.quote(pair("EUR/USD")).price(), MathContext.DECIMAL128);
        assertThat(btcEur.doubleValue() / viaUsd.doubleValue()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void bidIsBelowPriceIsBelowAskWithTheWiderClassSpread() {
        Quote btc = reference.quote(pair("BTC/USDT"));
        assertThat(btc.bid()).isLessThan(btc.price());
        assertThat(btc.ask()).isGreaterThan(btc.price());
        // Crypto's 20 bp spread wins over the stablecoin's 4 bp: 97000 ± 0.1%.
        assertThat(btc.bid()).isEqualByComparingTo("96903");
        assertThat(btc.ask()).isEqualByComparingTo("97097");

        Quote stable = reference.quote(pair("USDC/USDT"));
        assertThat(stable.bid()).isEqualByComparingTo("0.9998");
        assertThat(stable.ask()).isEqualByComparingTo("1.0002");
    }

    @Test
    void quotesKeepTenSignificantDigitsAndAtLeastCents() {
        assertThat(reference.quote(pair("NGN/USD")).price().toPlainString()).isEqualTo("0.0006451612903");
        assertThat(reference.quote(pair("USDT/USD")).price().toPlainString()).isEqualTo("1.00");
        assertThat(reference.quote(pair("BTC/NGN")).price().toPlainString()).isEqualTo("150350000.00");
    }

    private static Pair pair(String text) {
        return ((PairParsing.Parsed) Pair.parse(text)).pair();
    }
}
