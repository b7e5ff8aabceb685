package com.ventusvault.gateway.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the gateway serves subscriptions ({@code gateway.subscriptions.*}): the WebSocket protocols' timers and the
 * connections to the subgraphs. The limits on subscriptions are in {@code gateway.limits.subscriptions}.
 *
 * @param connectionInitTimeout how long a WebSocket client has, from the upgrade, to send {@code connection_init};
 *                              after it the connection is closed with 4408 (default 3s, as in graphql-ws)
 * @param keepAlive             how often an idle WebSocket gets a keep-alive ({@code ping} for graphql-transport-ws,
 *                              {@code ka} for the legacy graphql-ws) and an SSE stream a comment line, so that proxies
 *                              do not close quiet connections (default 12s; 0 turns them off)
 * @param upstreamIdleTimeout   how long a connection to a subgraph stays open after its last subscription ended, so a
 *                              client that resubscribes at once reuses it (default 5s; 0 closes it at once)
 * @param maxQueuedMessages     how many messages may wait for a client that does not read them: past it a WebSocket is
 *                              closed with 1013 and an SSE stream is ended, which also ends their subscriptions at the
 *                              subgraphs (default 1000), so a stalled client cannot make the gateway buffer forever
 */
@ConfigurationProperties("gateway.subscriptions")
public record SubscriptionProperties(
        @DefaultValue("3s") Duration connectionInitTimeout,
        @DefaultValue("12s") Duration keepAlive,
        @DefaultValue("5s") Duration upstreamIdleTimeout,
        @DefaultValue("1000") int maxQueuedMessages) {

    public SubscriptionProperties {
        if (connectionInitTimeout.isNegative() || connectionInitTimeout.isZero()) {
            throw new IllegalArgumentException("gateway.subscriptions.connection-init-timeout must be positive, was "
                    + connectionInitTimeout);
        }
        if (maxQueuedMessages < 1) {
            throw new IllegalArgumentException("gateway.subscriptions.max-queued-messages must be at least 1, was "
                    + maxQueuedMessages);
        }
        if (keepAlive.isNegative() || upstreamIdleTimeout.isNegative()) {
            throw new IllegalArgumentException("gateway.subscriptions.keep-alive and upstream-idle-timeout must not be "
                    + "negative, were " + keepAlive + " and " + upstreamIdleTimeout);
        }
    }
}
