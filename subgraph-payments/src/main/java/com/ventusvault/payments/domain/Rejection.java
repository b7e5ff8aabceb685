package com.ventusvault.payments.domain;

import java.util.List;

/** A refused money movement: a code, a message for the client developer, and the input field at fault. */
public record Rejection(RejectionCode code, String message, List<String> field) {

    public Rejection {
        field = List.copyOf(field);
    }

    public static Rejection of(RejectionCode code, String message, String... field) {
        return new Rejection(code, message, List.of(field));
    }
}
