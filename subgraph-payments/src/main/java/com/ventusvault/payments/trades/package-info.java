/**
 * Trades: markets' signed instruction to convert between one user's wallets at a quoted rate
 * ({@code POST /internal/trades}), posted once per trade id as two TRADE transfers, double entry in each currency
 * through the FX liquidity accounts.
 */
package com.ventusvault.payments.trades;
