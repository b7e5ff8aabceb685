package com.ventusvault.payments.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * A validated request to move money, exactly as the client asked for it. Its {@link #fingerprint()} identifies the
 * request for idempotency: the same key with the same fingerprint is a replay, with another fingerprint a misuse.
 *
 * @param recipient for P2P, the recipient as the client named it ({@code wallet:<id>} or {@code email:<address>});
 *                  for a deposit, {@code null}
 */
public record TransferRequest(UUID initiator, TransferKind kind, AccountId wallet, String recipient, Money amount,
                              String note, String idempotencyKey) {

    /** The longest idempotency key accepted (a UUID needs 36). */
    public static final int MAX_KEY_LENGTH = 255;

    public TransferRequest {
        Objects.requireNonNull(initiator, "initiator");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(wallet, "wallet");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }

    public static String walletRecipient(AccountId id) {
        return "wallet:" + id;
    }

    public static String emailRecipient(String email) {
        return "email:" + email.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * SHA-256 over the request's canonical form (kind, wallet, recipient, amount at currency scale, currency, note), so
     * {@code "10.5"} and {@code "10.50"} are the same request and any other difference is not.
     */
    public String fingerprint() {
        String canonical = String.join("\u001f", "v1", kind.name(), wallet.toString(), String.valueOf(recipient),
                amount.amount().toPlainString(), amount.currency().name(), note == null ? "\u0000" : note);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
