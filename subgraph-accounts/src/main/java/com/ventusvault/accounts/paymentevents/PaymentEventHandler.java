package com.ventusvault.accounts.paymentevents;

import com.ventusvault.accounts.domain.UserId;
import com.ventusvault.accounts.notifications.Message;
import com.ventusvault.accounts.notifications.NotificationKind;
import com.ventusvault.accounts.notifications.Notifier;
import io.r2dbc.postgresql.codec.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What one payments event means for accounts, written in the consumer's transaction:
 * <ul>
 *   <li>{@code AuditRecorded}: copied into {@code audit_log} with source {@code payments} and the event id (the
 *       unique (source, source_event_id) is the backstop of exactly once);</li>
 *   <li>{@code TransferStatusChanged} to COMPLETED of a P2P payment between two users: MONEY_RECEIVED to the payee;
 *       of a payout: PAYOUT_COMPLETED to the wallet's owner;</li>
 *   <li>{@code AuditRecorded} {@code payments.escrow.released}: MONEY_RECEIVED to the payee (a release and a refund
 *       are the same transfer shape; only the audit event says which it was);</li>
 *   <li>anything else: nothing.</li>
 * </ul>
 */
@Component
class PaymentEventHandler {

    /** The event types whose payload the consumer reads; others are only counted past. */
    static final java.util.List<String> READ_TYPES = java.util.List.of("AuditRecorded", "TransferStatusChanged");

    /** The audit action recorded for a payments event accounts cannot read. */
    static final String UNREADABLE = "audit.payments_event.unreadable";

    private static final Logger log = LoggerFactory.getLogger(PaymentEventHandler.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DatabaseClient database;
    private final Notifier notifier;

    PaymentEventHandler(DatabaseClient database, Notifier notifier) {
        this.database = database;
        this.notifier = notifier;
    }

    Mono<Void> handle(PaymentEvent event) {
        if (event.payload() == null) {
            return Mono.empty();
        }
        JsonNode payload;
        try {
            payload = JSON.readTree(event.payload());
        } catch (JacksonException e) {
            return unreadable(event, "payload is not JSON");
        }
        return switch (event.type()) {
            case "AuditRecorded" -> text(payload, "action") == null || !payload.path("action").isString()
                    ? unreadable(event, "no action")
                    : copyAudit(event, payload).then(escrowReleased(payload));
            case "TransferStatusChanged" -> transferCompleted(payload);
            default -> Mono.empty();
        };
    }

    /**
     * An event accounts cannot read is not skipped silently (nor retried forever, which would stop every later
     * event): the audit log records that it was unreadable, under its event id, for someone to look at.
     */
    private Mono<Void> unreadable(PaymentEvent event, String problem) {
        log.error("payments event {} ({}) is unreadable: {}; recorded in the audit log as {}", event.id(), event.type(),
                problem, UNREADABLE);
        return database.sql("insert into audit_log (at, action, target, source, source_event_id, details) "
                        + "values (:at, :action, :target, 'payments', :eventId, :details) "
                        + "on conflict (source, source_event_id) do nothing")
                .bind("at", event.at().atOffset(ZoneOffset.UTC))
                .bind("action", UNREADABLE)
                .bind("target", "payments-event:" + event.id())
                .bind("eventId", event.id())
                .bind("details", Json.of(JSON.writeValueAsString(java.util.Map.of("type", event.type(),
                        "problem", problem))))
                .then();
    }

    private Mono<Void> copyAudit(PaymentEvent event, JsonNode payload) {
        JsonNode details = payload.path("details");
        Instant at = instant(text(payload, "at"), event.at());
        var spec = database.sql("insert into audit_log (at, actor_id, action, target, request_id, ip, source, "
                        + "source_event_id, details) values (:at, :actor, :action, :target, :requestId, :ip, 'payments', "
                        + ":eventId, :details) on conflict (source, source_event_id) do nothing")
                .bind("at", at.atOffset(ZoneOffset.UTC))
                .bind("action", text(payload, "action"))
                .bind("eventId", event.id())
                .bind("details", Json.of(details.isObject() ? details.toString() : "{}"));
        spec = bindNullable(spec, "actor", uuid(text(payload, "actorId")), UUID.class);
        spec = bindNullable(spec, "target", text(payload, "target"), String.class);
        spec = bindNullable(spec, "requestId", text(payload, "requestId"), String.class);
        spec = bindNullable(spec, "ip", text(payload, "ip"), String.class);
        return spec.then();
    }

    private Mono<Void> escrowReleased(JsonNode payload) {
        if (!"payments.escrow.released".equals(text(payload, "action"))) {
            return Mono.empty();
        }
        JsonNode details = payload.path("details");
        UUID payee = uuid(text(details, "toOwnerId"));
        if (payee == null) {
            return Mono.empty();
        }
        String amount = money(text(details, "amount"), text(details, "currency"));
        return notifier.notify(new UserId(payee), NotificationKind.MONEY_RECEIVED, new Message(
                "You received " + amount,
                "VentusVault: an escrow was released to you: " + amount + " is now in your wallet."));
    }

    private Mono<Void> transferCompleted(JsonNode payload) {
        if (!"COMPLETED".equals(text(payload, "status"))) {
            return Mono.empty();
        }
        UUID from = uuid(text(payload, "fromOwnerId"));
        UUID to = uuid(text(payload, "toOwnerId"));
        String amount = money(text(payload, "amount"), text(payload, "currency"));
        return switch (String.valueOf(text(payload, "kind"))) {
            case "P2P" -> to == null || to.equals(from) ? Mono.empty() : nameOf(from).flatMap(sender ->
                    notifier.notify(new UserId(to), NotificationKind.MONEY_RECEIVED, new Message(
                            "You received " + amount,
                            "VentusVault: you received " + amount + sender + ".")));
            case "PAYOUT" -> from == null ? Mono.empty() : notifier.notify(new UserId(from),
                    NotificationKind.PAYOUT_COMPLETED, new Message("Your payout of " + amount + " was paid",
                            "VentusVault: your payout of " + amount + " was paid to your bank account."));
            default -> Mono.empty();
        };
    }

    /** " from <display name>", or "" when the sender is unknown here. */
    private Mono<String> nameOf(UUID user) {
        if (user == null) {
            return Mono.just("");
        }
        return database.sql("select display_name from users where id = :id").bind("id", user)
                .map(row -> " from " + row.get("display_name", String.class)).one().defaultIfEmpty("");
    }

    /** "10.50 USD": trailing zeros of the stored scale dropped, at least two decimals. */
    static String money(String amount, String currency) {
        if (amount == null) {
            return "money";
        }
        BigDecimal value = new BigDecimal(amount).stripTrailingZeros();
        if (value.scale() < 2) {
            value = value.setScale(2);
        }
        return value.toPlainString() + (currency == null ? "" : " " + currency);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }

    private static UUID uuid(String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Instant instant(String text, Instant fallback) {
        try {
            return text == null ? fallback : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    private static <T> DatabaseClient.GenericExecuteSpec bindNullable(DatabaseClient.GenericExecuteSpec spec, String name,
                                                                      T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }
}
