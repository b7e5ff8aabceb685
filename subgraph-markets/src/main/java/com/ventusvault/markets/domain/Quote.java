package com.ventusvault.markets.domain;

import java.math.BigDecimal;
import java.time.Instant;

/** The market's price of a pair at one moment: mid {@code price}, the {@code bid} it buys at and the {@code ask} it sells at. */
public record Quote(Pair pair, BigDecimal price, BigDecimal bid, BigDecimal ask, Instant asOf) {
}
