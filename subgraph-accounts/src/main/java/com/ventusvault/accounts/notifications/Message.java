package com.ventusvault.accounts.notifications;

import java.util.Objects;

/**
 * What to tell the user. {@code subject} is used for email only; {@code text} is the whole SMS and the email body.
 * Secrets in it (codes, tokens) are stored in the sink, which only staff read.
 */
public record Message(String subject, String text) {

    public Message {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
    }
}
