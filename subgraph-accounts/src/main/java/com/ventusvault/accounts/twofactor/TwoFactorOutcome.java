package com.ventusvault.accounts.twofactor;

import com.ventusvault.accounts.domain.Violation;

/** The result of a two-factor management mutation: its value, or the business rule that stopped it. */
public sealed interface TwoFactorOutcome<T> {

    record Done<T>(T value) implements TwoFactorOutcome<T> {
    }

    record Refused<T>(Violation violation) implements TwoFactorOutcome<T> {
    }
}
