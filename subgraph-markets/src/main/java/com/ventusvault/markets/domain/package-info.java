/** The simulated market: assets, pairs, USD-based snapshots, quotes with spreads, and the random walk that moves them. */
package com.ventusvault.markets.domain;
