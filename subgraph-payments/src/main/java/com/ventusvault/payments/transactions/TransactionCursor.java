package com.ventusvault.payments.transactions;

import com.ventusvault.payments.domain.Transfer;
import com.ventusvault.payments.domain.TransferId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * A position in a wallet's history: the {@code (createdAt, id)} of the last transfer seen, the keyset the history is
 * ordered by (newest first). Clients get it as an opaque string, base64url of {@code v1:<epoch micros>:<transfer id>};
 * they should not build one, and a string that does not decode is refused.
 */
public record TransactionCursor(Instant createdAt, TransferId id) {

    private static final String VERSION = "v1";

    public static TransactionCursor of(Transfer transfer) {
        return new TransactionCursor(transfer.createdAt(), transfer.id());
    }

    public String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, createdAt);
        String plain = VERSION + ":" + micros + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor the text encodes, or empty when it is not one of ours. */
    public static Optional<TransactionCursor> decode(String text) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            String[] parts = plain.split(":", -1);
            if (parts.length != 3 || !VERSION.equals(parts[0])) {
                return Optional.empty();
            }
            Instant at = Instant.EPOCH.plus(Long.parseLong(parts[1]), ChronoUnit.MICROS);
            UUID id = UUID.fromString(parts[2]);
            if (!id.toString().equals(parts[2])) {
                return Optional.empty();
            }
            return Optional.of(new TransactionCursor(at, new TransferId(id)));
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }
}
