package com.ventusvault.markets.trading;

import com.ventusvault.markets.domain.Asset;
import com.ventusvault.markets.domain.MarketSnapshot;
import com.ventusvault.markets.domain.Pair;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The price of selling {@code sell} of one asset for another at the market's bid (the spread is in it): the buyer
 * gets {@code sell × rate} rounded down to the bought asset's scale, and pays a fee of {@code sell × feeRate} rounded up
 * to the sold asset's scale, on top of {@code sell}. Rounding always favours the platform, never by more than one unit.
 */
public record QuoteTerms(Asset from, Asset to, BigDecimal rate, BigDecimal sell, BigDecimal buy, BigDecimal fee) {

    /** Why a conversion cannot be quoted. */
    public static final class Refused extends RuntimeException {

        private final String code;
        private final String field;

        Refused(String code, String field, String message) {
            super(message);
            this.code = code;
            this.field = field;
        }

        public String code() {
            return code;
        }

        public String field() {
            return field;
        }
    }

    /** The terms of selling {@code amount} of {@code from} for {@code to} in {@code market}; {@link Refused} otherwise. */
    public static QuoteTerms of(MarketSnapshot market, Asset from, Asset to, BigDecimal amount, BigDecimal feeRate) {
        if (from == to) {
            throw new Refused("SAME_CURRENCY", "toCurrency", "fromCurrency and toCurrency are both " + from
                    + ": a trade converts between two currencies");
        }
        if (amount.signum() <= 0) {
            throw new Refused("INVALID_AMOUNT", "amount", "amount must be positive, got " + amount.toPlainString());
        }
        if (amount.stripTrailingZeros().scale() > from.scale()) {
            throw new Refused("INVALID_AMOUNT", "amount", from + " amounts have at most " + from.scale()
                    + " decimal places, got " + amount.toPlainString());
        }
        BigDecimal sell = amount.setScale(from.scale(), RoundingMode.UNNECESSARY);
        BigDecimal rate = market.quote(new Pair(from, to)).bid();
        BigDecimal buy = sell.multiply(rate).setScale(to.scale(), RoundingMode.DOWN);
        if (buy.signum() <= 0) {
            throw new Refused("AMOUNT_TOO_SMALL", "amount", "Selling " + sell.toPlainString() + " " + from + " at "
                    + rate.toPlainString() + " buys less than the smallest unit of " + to);
        }
        BigDecimal fee = sell.multiply(feeRate).setScale(from.scale(), RoundingMode.UP);
        return new QuoteTerms(from, to, rate, sell, buy, fee);
    }
}
