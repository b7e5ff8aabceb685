package com.ventusvault.gateway.transport.websocket;

import com.ventusvault.gateway.limits.DocumentLimits;
import com.ventusvault.gateway.limits.SubscriptionLimits;
import com.ventusvault.gateway.pipeline.GraphQlPipeline;
import tools.jackson.databind.ObjectMapper;

import java.time.Duration;

/**
 * What every {@link GraphQlSocket} of the gateway shares.
 *
 * @param documentLimits     checked before the pipeline for each operation, or null for none
 * @param initTimeout        how long a connection may go without sending connection_init (then 4408)
 * @param keepAlive          how often keep-alives are sent; zero for never
 * @param maxQueued          how many messages may wait for a client that does not read (then 1013)
 */
record SocketServices(GraphQlPipeline pipeline, DocumentLimits documentLimits, SubscriptionLimits subscriptionLimits,
                      ObjectMapper json, Duration initTimeout, Duration keepAlive, int maxQueued) {
}
