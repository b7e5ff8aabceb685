package com.ventusvault.payments.holds;

/** Where a hold is; mirrors the {@code HoldStatus} enum of the payments SDL. Only PENDING holds reserve money. */
public enum HoldStatus {
    PENDING, POSTED, VOIDED, EXPIRED
}
