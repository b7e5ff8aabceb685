package com.ventusvault.markets.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ventusvault.markets.domain.Asset;
import com.ventusvault.markets.domain.MarketSnapshot;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The terms a quote locks, on the reference market (BTC 97000, USD/NGN 1550, ETH 3400 USD): the bid of the pair, the
 * bought amount rounded down and the fee rounded up, each to its own currency's ledger scale.
 */
class QuoteTermsTests {

    private static final MarketSnapshot MARKET = MarketSnapshot.reference(Instant.parse("2026-11-22T12:00:00Z"));
    private static final BigDecimal FEE_RATE = new BigDecimal("0.005");

    @Test
    void sellsAtTheBidWithTheFeeRoundedUpInTheSoldCurrency() {
        QuoteTerms terms = QuoteTerms.of(MARKET, Asset.BTC, Asset.USD, new BigDecimal("0.01234567"), FEE_RATE);

        assertThat(terms.rate()).as("97000 less half the crypto spread").isEqualByComparingTo("96903");
        assertThat(terms.sell().toPlainString()).isEqualTo("0.01234567");
        // 0.01234567 × 96903 = 1196.33246001: down to cents.
        assertThat(terms.buy().toPlainString()).isEqualTo("1196.33");
        // 0.01234567 × 0.005 = 0.00006172835: up to the satoshi.
        assertThat(terms.fee().toPlainString()).isEqualTo("0.00006173");
    }

    @Test
    void roundsTheBoughtAmountDownNotToTheNearest() {
        // USD/NGN bid 1549.225; 3 USD buys 4647.675 NGN, which rounds to nearest as 4647.68.
        QuoteTerms terms = QuoteTerms.of(MARKET, Asset.USD, Asset.NGN, new BigDecimal("3"), FEE_RATE);

        assertThat(terms.sell().toPlainString()).as("the sold amount at its scale").isEqualTo("3.00");
        assertThat(terms.buy().toPlainString()).isEqualTo("4647.67");
        assertThat(terms.fee().toPlainString()).as("0.015 up to the cent").isEqualTo("0.02");
    }

    @Test
    void carriesEachCurrencysLedgerScale() {
        QuoteTerms toEth = QuoteTerms.of(MARKET, Asset.USD, Asset.ETH, new BigDecimal("100.00"), FEE_RATE);
        assertThat(toEth.buy().scale()).isEqualTo(18);
        assertThat(toEth.buy().toPlainString()).isEqualTo("0.029382352940000000");

        QuoteTerms fromEth = QuoteTerms.of(MARKET, Asset.ETH, Asset.SOL, new BigDecimal("1.000000000000000001"), FEE_RATE);
        assertThat(fromEth.fee().toPlainString()).as("one wei more than 0.005 ETH").isEqualTo("0.005000000000000001");
        assertThat(fromEth.buy().scale()).isEqualTo(9);

        QuoteTerms toStable = QuoteTerms.of(MARKET, Asset.BTC, Asset.USDC, new BigDecimal("0.00000001"), FEE_RATE);
        assertThat(toStable.buy().scale()).isEqualTo(6);
        assertThat(toStable.fee().toPlainString()).as("any fee at all costs at least one satoshi").isEqualTo("0.00000001");
    }

    @Test
    void aZeroFeeRateChargesNothing() {
        QuoteTerms terms = QuoteTerms.of(MARKET, Asset.USD, Asset.EUR, new BigDecimal("10.00"), BigDecimal.ZERO);

        assertThat(terms.fee().toPlainString()).isEqualTo("0.00");
    }

    @Test
    void refusesWhatCannotBeQuoted() {
        assertRefused(Asset.USD, Asset.USD, "1.00", "SAME_CURRENCY", "toCurrency");
        assertRefused(Asset.USD, Asset.EUR, "0", "INVALID_AMOUNT", "amount");
        assertRefused(Asset.USD, Asset.EUR, "-1.00", "INVALID_AMOUNT", "amount");
        assertRefused(Asset.USD, Asset.EUR, "1.001", "INVALID_AMOUNT", "amount");
        assertRefused(Asset.BTC, Asset.USD, "0.000000001", "INVALID_AMOUNT", "amount");
        // 0.01 NGN is worth far less than a satoshi.
        assertRefused(Asset.NGN, Asset.BTC, "0.01", "AMOUNT_TOO_SMALL", "amount");
    }

    private static void assertRefused(Asset from, Asset to, String amount, String code, String field) {
        assertThatThrownBy(() -> QuoteTerms.of(MARKET, from, to, new BigDecimal(amount), FEE_RATE))
                .isInstanceOfSatisfying(QuoteTerms.Refused.class, refused -> {
                    assertThat(refused.code()).isEqualTo(code);
                    assertThat(refused.field()).isEqualTo(field);
                });
    }
}
