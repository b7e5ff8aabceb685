/**
 * The outbox relay: follows {@code outbox_event} (written by the ledger's triggers in each money-moving transaction)
 * in id order, exactly as committed, and hands each event to the in-process subscribers of its aggregate; what the
 * subscriptions ({@code balanceUpdated}, {@code transferUpdated}) are served from.
 */
package com.ventusvault.payments.outbox;
