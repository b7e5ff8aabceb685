/**
 * Subscriptions, the streaming half of the execution stage: a {@link
 * com.ventusvault.gateway.planning.PlanNode.Subscription} plan opens its primary fetch as a graphql-transport-ws
 * subscription at the subgraph that owns the root field ({@link
 * com.ventusvault.gateway.execution.subscriptions.UpstreamSubscriptions}), and every event it sends is completed by the
 * plan's {@code rest} through the ordinary {@link com.ventusvault.gateway.execution.PlanExecutor} (entity fetches,
 * batched) before it goes to the client ({@link com.ventusvault.gateway.execution.subscriptions.SubscriptionExecutor}).
 * Transports (WebSocket, SSE) consume the resulting {@link
 * com.ventusvault.gateway.execution.subscriptions.SubscriptionEvent} stream.
 */
package com.ventusvault.gateway.execution.subscriptions;
