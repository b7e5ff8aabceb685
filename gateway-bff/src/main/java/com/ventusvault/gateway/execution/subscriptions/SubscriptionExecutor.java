package com.ventusvault.gateway.execution.subscriptions;

import com.ventusvault.gateway.errors.ErrorCode;
import com.ventusvault.gateway.errors.GraphQlErrors;
import com.ventusvault.gateway.execution.ExecutionRequest;
import com.ventusvault.gateway.execution.PlanExecutor;
import com.ventusvault.gateway.execution.SubgraphFailure;
import com.ventusvault.gateway.planning.PlanNode;
import com.ventusvault.gateway.planning.QueryPlan;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * Runs a subscription plan: opens the primary fetch as a subscription at its subgraph, and completes every event the
 * subgraph sends with the plan's {@code rest} (entity fetches to the other subgraphs, batched and de-duplicated by
 * {@link PlanExecutor} as in any query), one event after the other so that events reach the client in the subgraph's
 * order. A subgraph's {@code error} and a lost connection end the stream with a {@link SubscriptionEvent.Failed} (the
 * subgraph's errors with their codes, or {@code SUBGRAPH_UNAVAILABLE}); cancelling the stream cancels the subscription
 * at the subgraph.
 */
public final class SubscriptionExecutor {

    private final PlanExecutor executor;
    private final UpstreamSubscriptions upstream;

    public SubscriptionExecutor(PlanExecutor executor, UpstreamSubscriptions upstream) {
        this.executor = executor;
        this.upstream = upstream;
    }

    /** The client's events for a request whose plan is a subscription. Lazy: nothing is opened until subscribed. */
    public Flux<SubscriptionEvent> execute(ExecutionRequest request) {
        PlanNode node = request.plan().node();
        while (node instanceof PlanNode.Condition condition) { // @include/@skip on the root field
            node = Boolean.TRUE.equals(request.coerced().get(condition.variable())) ? condition.ifClause()
                    : condition.elseClause();
        }
        if (!(node instanceof PlanNode.Subscription subscription)) { // nothing left to subscribe to: one empty result
            ExecutionRequest nothing = new ExecutionRequest(new QueryPlan(null, request.plan().operation()),
                    request.variables(), request.coerced(), request.authorization(), null, request.forwarded());
            return executor.execute(nothing).<SubscriptionEvent>map(SubscriptionEvent.Next::new).flux();
        }
        PlanNode.Fetch primary = subscription.primary();
        ObjectNode body = executor.requestBody(primary, request);
        return upstream.subscribe(primary.serviceName(), request.authorization(), request.forwarded().requestId(), body)
                .concatMap(event -> executor.completeEvent(request, subscription, event), 1)
                .<SubscriptionEvent>map(SubscriptionEvent.Next::new)
                .onErrorResume(UpstreamRefusal.class, refusal -> Mono.just(refused(primary, refusal.errors())))
                .onErrorResume(SubgraphFailure.class, failure -> Mono.just(
                        new SubscriptionEvent.Failed(executor.failureErrors(primary, failure))));
    }

    private SubscriptionEvent.Failed refused(PlanNode.Fetch primary, JsonNode errors) {
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.set("errors", errors);
        List<ObjectNode> clientErrors = errors.isArray() ? executor.subgraphErrors(primary, response) : List.of();
        if (clientErrors.isEmpty()) { // an error message without GraphQL errors in it: still an error for the client
            ObjectNode error = GraphQlErrors.error("Subgraph '" + primary.serviceName() + "' refused the subscription",
                    ErrorCode.INTERNAL);
            ((ObjectNode) error.get("extensions")).put("serviceName", primary.serviceName());
            clientErrors = List.of(error);
        }
        return new SubscriptionEvent.Failed(clientErrors);
    }
}
