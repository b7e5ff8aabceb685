package com.ventusvault.payments.trades;

import com.ventusvault.payments.domain.Currency;
import com.ventusvault.payments.domain.Money;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A trade as markets instructs it: sell {@code sell} plus {@code fee} (both in the sell currency) out of the user's
 * wallet and credit {@code buy} to their wallet in the buy currency, if done before {@code expiresAt}.
 *
 * @param fingerprint what makes two instructions the same trade (a digest of every field)
 */
public record TradeInstruction(UUID tradeId, UUID quoteId, UUID userId, String idempotencyKey, Money sell, Money buy,
                               Money fee, BigDecimal rate, Instant expiresAt, String fingerprint) {

    /** Reads the JSON body, or says what is wrong with it. */
    static TradeInstruction parse(JsonNode body) {
        Money sell = money(body, "sell");
        Money buy = money(body, "buy");
        Money fee = money(body, "fee");
        if (sell.currency() == buy.currency()) {
            throw new IllegalArgumentException("sell and buy are both " + sell.currency() + ": a trade converts between two currencies");
        }
        if (fee.currency() != sell.currency()) {
            throw new IllegalArgumentException("fee is in " + fee.currency() + ", not the sell currency " + sell.currency());
        }
        if (!sell.isPositive() || !buy.isPositive() || fee.isNegative()) {
            throw new IllegalArgumentException("sell and buy must be positive and fee not negative");
        }
        String key = text(body, "idempotencyKey");
        BigDecimal rate = new BigDecimal(text(body, "rate"));
        if (rate.signum() <= 0) {
            throw new IllegalArgumentException("rate must be positive");
        }
        Instant expiresAt;
        try {
            expiresAt = Instant.parse(text(body, "expiresAt"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expiresAt is not an RFC 3339 UTC time");
        }
        UUID tradeId = uuid(body, "tradeId");
        UUID quoteId = uuid(body, "quoteId");
        UUID userId = uuid(body, "userId");
        String fingerprint = digest(String.join("|", tradeId.toString(), quoteId.toString(), userId.toString(), key,
                sell.toString(), buy.toString(), fee.toString(), rate.stripTrailingZeros().toPlainString(),
                expiresAt.toString()));
        return new TradeInstruction(tradeId, quoteId, userId, key, sell, buy, fee, rate, expiresAt, fingerprint);
    }

    private static Money money(JsonNode body, String field) {
        JsonNode node = body.path(field);
        String code = text(node, "currency");
        Currency currency = Currency.fromCode(code).orElseThrow(() -> new IllegalArgumentException(
                field + ".currency '" + code + "' is not one of " + Currency.supportedCodes()));
        try {
            return new Money(new BigDecimal(text(node, "amount")), currency);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(field + ".amount is not a " + currency + " amount: " + e.getMessage());
        }
    }

    private static UUID uuid(JsonNode body, String field) {
        try {
            return UUID.fromString(text(body, field));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " is not a UUID");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isString() || value.asString().isBlank()) {
            throw new IllegalArgumentException(field + " is missing (a string)");
        }
        return value.asString();
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
