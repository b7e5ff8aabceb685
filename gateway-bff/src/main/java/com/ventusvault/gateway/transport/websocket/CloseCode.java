package com.ventusvault.gateway.transport.websocket;

import org.springframework.web.reactive.socket.CloseStatus;

import java.nio.charset.StandardCharsets;

/**
 * Why the gateway closes a GraphQL WebSocket: graphql-ws's close codes (PROTOCOL.md of graphql-ws), used for the
 * legacy protocol too, which defines none of its own.
 */
enum CloseCode {

    /** The connection ended normally ({@code connection_terminate} of the legacy protocol). */
    NORMAL(1000, "Normal closure"),
    /** The gateway is shutting down (RFC 6455 "going away"); clients reconnect to another instance. */
    GOING_AWAY(1001, "The gateway is shutting down"),
    /** The client did not read its messages: more than {@code gateway.subscriptions.max-queued-messages} waited. */
    TOO_SLOW(1013, "Messages were not read in time; reconnect"),
    /** A message that is not JSON, has an unknown type, or misses a field its type needs. */
    BAD_MESSAGE(4400, "Invalid message received"),
    /** {@code subscribe} (or {@code start}) before the connection was acknowledged. */
    UNAUTHORIZED(4401, "Unauthorized"),
    /** The access token in {@code connection_init} was refused. */
    FORBIDDEN(4403, "Forbidden"),
    /** The client asked for no subprotocol the gateway speaks. */
    SUBPROTOCOL_NOT_ACCEPTABLE(4406, "Subprotocol not acceptable"),
    /** No acknowledged {@code connection_init} within {@code gateway.subscriptions.connection-init-timeout}. */
    INIT_TIMEOUT(4408, "Connection initialisation timeout"),
    /** An operation id that is already running on the connection. */
    SUBSCRIBER_EXISTS(4409, "Subscriber already exists"),
    /** A second {@code connection_init}. */
    TOO_MANY_INITS(4429, "Too many initialisation requests"),
    /** The gateway failed (e.g. the keys to verify tokens could not be had). */
    INTERNAL(4500, "Internal server error");

    /** The most a close reason may take: a close frame's payload is at most 125 bytes, two of them the code. */
    private static final int MAX_REASON_BYTES = 123;

    private final int code;
    private final String reason;

    CloseCode(int code, String reason) {
        this.code = code;
        this.reason = reason;
    }

    int code() {
        return code;
    }

    /** The close status with this code's own reason. */
    CloseStatus status() {
        return status(reason);
    }

    /** The close status with {@code reason}, shortened to what a close frame can carry. */
    CloseStatus status(String reason) {
        byte[] bytes = reason.getBytes(StandardCharsets.UTF_8);
        String fitted = reason;
        if (bytes.length > MAX_REASON_BYTES) {
            int end = MAX_REASON_BYTES;
            while (end > 0 && (bytes[end] & 0xC0) == 0x80) { // do not cut a UTF-8 sequence in half
                end--;
            }
            fitted = new String(bytes, 0, end, StandardCharsets.UTF_8);
        }
        return new CloseStatus(code, fitted);
    }
}
