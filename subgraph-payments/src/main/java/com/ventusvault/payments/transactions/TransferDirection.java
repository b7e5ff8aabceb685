package com.ventusvault.payments.transactions;

/** Which side of a transfer the wallet is on; mirrors the {@code TransferDirection} enum of the payments SDL. */
public enum TransferDirection {
    /** The wallet received the money ({@code to}). */
    INCOMING,
    /** The wallet paid ({@code from}). */
    OUTGOING
}
