package com.ventusvault.markets.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PairTests {

    @Test
    void readsPairsIgnoringCaseAndBlanks() {
        assertThat(Pair.parse(" btc/Usdt ")).isEqualTo(new PairParsing.Parsed(new Pair(Asset.BTC, Asset.USDT)));
        assertThat(new Pair(Asset.USD, Asset.NGN)).hasToString("USD/NGN");
    }

    @Test
    void refusesAnUnknownAssetNamingThePairAndTheSupportedAssets() {
        assertThat(Pair.parse("BTC/XYZ")).isInstanceOfSatisfying(PairParsing.Rejected.class, rejected ->
                assertThat(rejected.reason()).contains("'BTC/XYZ'", "XYZ", "BTC, ETH, SOL, USDT, USDC, USD, NGN, EUR, GBP"));
    }

    @Test
    void refusesMalformedPairs() {
        for (String text : new String[] {"BTCUSDT", "BTC/", "/USD", "BTC/USD/EUR", ""}) {
            assertThat(Pair.parse(text)).as(text).isInstanceOfSatisfying(PairParsing.Rejected.class, rejected ->
                    assertThat(rejected.reason()).startsWith("Malformed pair").contains("BASE/QUOTE"));
        }
    }

    @Test
    void refusesTheSameAssetOnBothSides() {
        assertThat(Pair.parse("eth/ETH")).isInstanceOfSatisfying(PairParsing.Rejected.class, rejected ->
                assertThat(rejected.reason()).contains("'eth/ETH'", "both sides"));
    }
}
