package com.ventusvault.markets.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * A market pair written {@code BASE/QUOTE}; its price is units of QUOTE per one BASE ({@code BTC/USDT} = USDT per BTC).
 */
public record Pair(Asset base, Asset quote) {

    public Pair {
        if (base == quote) {
            throw new IllegalArgumentException("A pair needs two different assets, got " + base + "/" + quote);
        }
    }

    /**
     * Reads a pair such as {@code "btc/usdt"} (case-insensitive, surrounding blanks ignored) or says why it cannot.
     */
    public static PairParsing parse(String text) {
        String[] parts = text.strip().toUpperCase(Locale.ROOT).split("/", -1);
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            return new PairParsing.Rejected("Malformed pair '" + text + "': write pairs as BASE/QUOTE such as BTC/USDT "
                    + "or USD/NGN; supported assets are " + Asset.SUPPORTED);
        }
        Optional<Asset> base = Asset.of(parts[0].strip());
        Optional<Asset> quote = Asset.of(parts[1].strip());
        if (base.isEmpty() || quote.isEmpty()) {
            String unknown = base.isEmpty() ? parts[0].strip() : parts[1].strip();
            return new PairParsing.Rejected("Unknown pair '" + text + "': " + unknown + " is not quoted; supported assets are "
                    + Asset.SUPPORTED);
        }
        if (base.get() == quote.get()) {
            return new PairParsing.Rejected("Pair '" + text + "' has " + base.get()
                    + " on both sides; a pair needs two different assets from " + Asset.SUPPORTED);
        }
        return new PairParsing.Parsed(new Pair(base.get(), quote.get()));
    }

    /** The same market seen from the other side: USD/NGN becomes NGN/USD. */
    public Pair inverse() {
        return new Pair(quote, base);
    }

    @Override
    public String toString() {
        return base + "/" + quote;
    }
}
