/**
 * Money leaving and entering through payment providers: the {@code requestPayout} saga (validation, the synchronous
 * reservation in {@link com.ventusvault.payments.payouts.PayoutService}, sending and status checks in
 * {@link com.ventusvault.payments.payouts.PayoutWorker}, the endings in
 * {@link com.ventusvault.payments.payouts.PayoutSettlement}, the state machine in
 * {@link com.ventusvault.payments.payouts.PayoutLifecycle}) and the provider deposit on-ramp
 * ({@link com.ventusvault.payments.payouts.ProviderDeposits}). Talks to providers only through
 * {@code providers.PayoutProviders}, moves money only through holds and the journal.
 */
package com.ventusvault.payments.payouts;
