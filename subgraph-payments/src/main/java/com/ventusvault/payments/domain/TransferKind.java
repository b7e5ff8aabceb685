package com.ventusvault.payments.domain;

/** Why money moved; mirrors the {@code TransferKind} enum of the payments SDL. */
public enum TransferKind {
    P2P, DEPOSIT, PAYOUT, TRADE, ESCROW, FEE
}
