package com.ventusvault.gateway.pipeline;

import com.ventusvault.gateway.execution.subscriptions.SubscriptionEvent;
import com.ventusvault.gateway.security.Credentials;
import reactor.core.publisher.Flux;

/**
 * What a streaming transport (WebSocket, SSE) gets for one operation: a single outcome (queries, mutations, and any
 * request refused before it ran) or, for a subscription that starts, its stream of events.
 */
public sealed interface StreamedOutcome {

    /** One response, exactly as {@link GraphQlPipeline#execute} would have given it. */
    record Single(GraphQlOutcome outcome) implements StreamedOutcome {
    }

    /**
     * A subscription's events, lazily: nothing is opened at the subgraph until {@code events} is subscribed to, so the
     * transport can first apply its own limits (e.g. concurrent subscriptions per user). Cancelling the subscription to
     * {@code events} ends the subscription at the subgraph.
     *
     * @param events      the results, ending with completion or one {@link SubscriptionEvent.Failed}
     * @param credentials who is subscribing (for per-user limits)
     */
    record Stream(Flux<SubscriptionEvent> events, Credentials credentials) implements StreamedOutcome {
    }
}
