package com.ventusvault.payments.domain;

import java.util.Objects;

/** Why a transfer failed or expired: a stable SCREAMING_CASE code and a message for the client developer. */
public record TransferFailure(String code, String message) {

    public TransferFailure {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
