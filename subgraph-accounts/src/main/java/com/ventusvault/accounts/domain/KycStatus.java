package com.ventusvault.accounts.domain;

/** Where a user stands in identity verification (know your customer). New users start {@link #PENDING}. */
public enum KycStatus {
    PENDING,
    VERIFIED,
    REJECTED
}
