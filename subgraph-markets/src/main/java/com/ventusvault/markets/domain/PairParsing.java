package com.ventusvault.markets.domain;

/** The outcome of reading a pair from client text: the pair, or the reason it was refused (safe to show). */
public sealed interface PairParsing {

    /** The text named a quoted pair. */
    record Parsed(Pair pair) implements PairParsing {
    }

    /** The text was malformed, named an unknown asset, or had the same asset on both sides. */
    record Rejected(String reason) implements PairParsing {
    }
}
