/**
 * Quotes and trades: a quote locks the market's price of a conversion for a user for a while; a trade executes a quote
 * exactly once through payments' ledger ({@code POST /internal/trades}, signed), and remembers payments' answer.
 */
package com.ventusvault.markets.trading;
