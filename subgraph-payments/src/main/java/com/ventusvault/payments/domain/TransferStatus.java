package com.ventusvault.payments.domain;

/**
 * Where a transfer is in its life; mirrors the {@code TransferStatus} enum of the payments SDL. Internal transfers
 * (P2P, deposits) post in one database transaction and are {@link #COMPLETED} when they exist; the other states
 * belong to externally settled transfers (payouts).
 */
public enum TransferStatus {
    INITIATED, VALIDATING, BALANCE_RESERVED, SENT_TO_PROVIDER, PROVIDER_PROCESSING, COMPLETED, FAILED, EXPIRED,
    COMPENSATING, COMPENSATED
}
