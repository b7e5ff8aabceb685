/**
 * Escrow ({@code createEscrow}, {@code releaseEscrow}, {@code cancelEscrow}, automatic expiry): money moved from the
 * payer's wallet into ESCROW_HOLDING, then released to the payee or refunded to the payer, exactly once. Its posting
 * rules ({@link com.ventusvault.payments.escrow.EscrowRules}) are pure; the money moves through
 * {@link com.ventusvault.payments.persistence.LedgerPoster} like every other transfer.
 */
package com.ventusvault.payments.escrow;
