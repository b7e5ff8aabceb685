package com.ventusvault.gateway.execution;

import com.ventusvault.gateway.errors.GraphQlErrors;
import com.ventusvault.gateway.planning.PlanNode;
import com.ventusvault.gateway.planning.PlanNode.Condition;
import com.ventusvault.gateway.planning.PlanNode.Fetch;
import com.ventusvault.gateway.planning.PlanNode.Flatten;
import com.ventusvault.gateway.planning.PlanNode.Parallel;
import com.ventusvault.gateway.planning.PlanNode.Sequence;
import com.ventusvault.gateway.supergraph.Supergraph;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a plan: Sequence children one after another, Parallel children at once, Condition by its variable, Fetch
 * and Flatten as subgraph requests whose results merge into one data tree; then shapes the client's response.
 * Parallel entity fetches with the same subgraph and selection are sent as one {@code _entities} request, and
 * equal representations are sent once. A failed fetch records an error at its path; the rest of the plan runs.
 */
public final class PlanExecutor {

    private final SubgraphClient client;
    private final ObjectMapper json;
    private final ResponseShaper shaper;
    private final Supergraph supergraph;
    private final RootFieldPaths rootFields = new RootFieldPaths();

    public PlanExecutor(Supergraph supergraph, SubgraphClient client, ObjectMapper json) {
        this.client = client;
        this.json = json;
        this.shaper = new ResponseShaper(supergraph);
        this.supergraph = supergraph;
    }

    /** Executes the request's plan and emits the response body ({@code data}, {@code errors}). */
    public Mono<ObjectNode> execute(ExecutionRequest request) {
        ExecutionState state = new ExecutionState(request);
        if (request.introspection() != null) {
            request.introspection().get("errors").forEach(e -> state.addError((ObjectNode) e));
        }
        PlanNode root = request.plan().node();
        Mono<Void> run = root == null ? Mono.empty() : run(root, state);
        return run.then(Mono.fromSupplier(() -> shaper.shape(state)));
    }

    /**
     * Completes one event of a subscription: the subgraph's event (its {@code data} and {@code errors}, as the
     * primary fetch would have answered) starts the data, then {@code rest} runs its entity fetches (batched, as in any
     * plan) and the client's response is shaped.
     *
     * @param event one {@code next} payload of the primary subscription
     */
    public Mono<ObjectNode> completeEvent(ExecutionRequest request, PlanNode.Subscription subscription, JsonNode event) {
        ExecutionState state = new ExecutionState(request);
        synchronized (state) {
            if (event.get("data") instanceof ObjectNode data) {
                ResultMerger.merge(state.data, data);
            }
            subgraphErrors(subscription.primary(), event, state, index -> List.of());
        }
        Mono<Void> run = subscription.rest() == null ? Mono.empty() : run(subscription.rest(), state);
        return run.then(Mono.fromSupplier(() -> shaper.shape(state)));
    }

    /** The GraphQL request to send for {@code fetch}: its operation and the client variables it uses. */
    public ObjectNode requestBody(Fetch fetch, ExecutionRequest request) {
        return body(fetch, new ExecutionState(request));
    }

    /**
     * A subgraph's errors for {@code fetch} (a root fetch), as the client sees them: paths in the client's terms,
     * {@code locations} dropped, {@code extensions.code} kept (INTERNAL when missing) and {@code serviceName} added.
     */
    public List<ObjectNode> subgraphErrors(Fetch fetch, JsonNode response) {
        ExecutionState state = new ExecutionState(null);
        subgraphErrors(fetch, response, state, index -> List.of());
        return List.copyOf(state.errors);
    }

    /** The errors for a root fetch that got no GraphQL response: one per root field it asked for, at its path. */
    public List<ObjectNode> failureErrors(Fetch fetch, SubgraphFailure failure) {
        ExecutionState state = new ExecutionState(null);
        rootFailure(fetch, failure, state);
        return List.copyOf(state.errors);
    }

    private Mono<Void> run(PlanNode node, ExecutionState state) {
        return switch (node) {
            case Fetch fetch -> rootFetch(fetch, state);
            case Flatten flatten -> entityFetch(List.of(flatten), state);
            case Sequence sequence -> Flux.fromIterable(sequence.nodes()).concatMap(n -> run(n, state)).then();
            case Parallel parallel -> Flux.fromIterable(batched(parallel.nodes()))
                    .flatMap(group -> group instanceof List<?> flattens ? entityFetch(castFlattens(flattens), state)
                            : run((PlanNode) group, state))
                    .then();
            case PlanNode.Subscription subscription -> { // streamed by SubscriptionExecutor; a single response cannot
                state.addError(GraphQlErrors.error("Subscriptions are served over WebSocket (graphql-transport-ws or "
                        + "graphql-ws) and Server-Sent Events (Accept: text/event-stream), not as a single response",
                        com.ventusvault.gateway.errors.ErrorCode.BAD_REQUEST));
                yield Mono.empty();
            }
            case Condition condition -> {
                PlanNode next = Boolean.TRUE.equals(state.request.coerced().get(condition.variable()))
                        ? condition.ifClause() : condition.elseClause();
                yield next == null ? Mono.empty() : run(next, state);
            }
        };
    }

    /** Parallel children, with Flatten nodes of the same subgraph operation grouped into one list. */
    private static List<Object> batched(List<PlanNode> nodes) {
        Map<String, List<Flatten>> flattens = new LinkedHashMap<>();
        List<Object> result = new ArrayList<>();
        for (PlanNode node : nodes) {
            if (node instanceof Flatten flatten) {
                String key = flatten.node().serviceName() + "\n" + flatten.node().operation();
                List<Flatten> group = flattens.get(key);
                if (group == null) {
                    group = new ArrayList<>();
                    flattens.put(key, group);
                    result.add(group);
                }
                group.add(flatten);
            } else {
                result.add(node);
            }
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static List<Flatten> castFlattens(List<?> list) {
        return (List<Flatten>) list;
    }

    private Mono<Void> rootFetch(Fetch fetch, ExecutionState state) {
        ObjectNode body = body(fetch, state);
        return send(fetch, body, state)
                .doOnNext(response -> {
                    synchronized (state) {
                        if (response.get("data") instanceof ObjectNode data) {
                            ResultMerger.merge(state.data, data);
                        }
                        subgraphErrors(fetch, response, state, index -> List.of());
                    }
                })
                .onErrorResume(SubgraphFailure.class, failure -> {
                    rootFailure(fetch, failure, state);
                    return Mono.empty();
                })
                .then();
    }

    /** One error per root field the failed fetch left null, at the field's client path (none: one without path). */
    private void rootFailure(Fetch fetch, SubgraphFailure failure, ExecutionState state) {
        List<List<Object>> paths = rootFields.of(fetch);
        if (paths.isEmpty()) {
            state.addError(withService(GraphQlErrors.error(failure.getMessage(), failure.code()), fetch));
        }
        for (List<Object> path : paths) {
            state.addError(withService(GraphQlErrors.error(failure.getMessage(), failure.code(), path), fetch));
        }
    }

    private static ObjectNode withService(ObjectNode error, Fetch fetch) {
        ((ObjectNode) error.get("extensions")).put("serviceName", fetch.serviceName());
        return error;
    }

    private Mono<Void> entityFetch(List<Flatten> flattens, ExecutionState state) {
        EntityBatch batch;
        synchronized (state) {
            batch = EntityBatch.collect(flattens, state.data, supergraph);
        }
        if (batch.isEmpty()) {
            return Mono.empty();
        }
        ObjectNode body = body(batch.fetch, state);
        ((ObjectNode) body.get("variables")).set("representations", batch.representations);
        return send(batch.fetch, body, state)
                .doOnNext(response -> {
                    synchronized (state) {
                        mergeEntities(batch, response);
                        subgraphErrors(batch.fetch, response, state, index ->
                                index < batch.targets.size() ? batch.targets.get(index).getFirst().path() : null);
                    }
                })
                .onErrorResume(SubgraphFailure.class, failure -> {
                    state.addError(withService(GraphQlErrors.error(failure.getMessage(), failure.code(),
                            batch.targets.getFirst().getFirst().path()), batch.fetch));
                    return Mono.empty();
                })
                .then();
    }

    private static void mergeEntities(EntityBatch batch, JsonNode response) {
        JsonNode data = response.get("data");
        JsonNode entities = data == null ? null : data.get("_entities");
        if (!(entities instanceof ArrayNode array)) {
            return;
        }
        for (int i = 0; i < Math.min(array.size(), batch.targets.size()); i++) {
            if (array.get(i) instanceof ObjectNode entity) {
                for (EntityBatch.Target target : batch.targets.get(i)) {
                    ResultMerger.merge(target.object(), entity);
                }
            }
        }
    }

    /** Adds a subgraph's errors, re-pathed to the client's path, with {@code extensions.serviceName}. */
    private static void subgraphErrors(Fetch fetch, JsonNode response, ExecutionState state,
                                       java.util.function.IntFunction<List<Object>> entityPath) {
        JsonNode errors = response.get("errors");
        if (!(errors instanceof ArrayNode array)) {
            return;
        }
        for (JsonNode error : array) {
            if (!(error instanceof ObjectNode original)) {
                continue;
            }
            ObjectNode copy = original.deepCopy();
            copy.remove("locations"); // they point into the subgraph's operation, not the client's
            JsonNode path = copy.remove("path");
            List<Object> clientPath = clientPath(fetch, path, entityPath);
            if (clientPath != null && !clientPath.isEmpty()) {
                copy.set("path", GraphQlErrors.path(clientPath));
            }
            ObjectNode extensions = copy.get("extensions") instanceof ObjectNode e ? e.deepCopy()
                    : JsonNodeFactory.instance.objectNode();
            copy.remove("extensions");
            if (!extensions.has("code")) {
                extensions.put("code", "INTERNAL");
            }
            extensions.put("serviceName", fetch.serviceName());
            copy.set("extensions", extensions);
            state.errors.add(copy);
        }
    }

    private static List<Object> clientPath(Fetch fetch, JsonNode path,
                                           java.util.function.IntFunction<List<Object>> entityPath) {
        if (!(path instanceof ArrayNode segments) || segments.isEmpty()) {
            return null;
        }
        List<Object> result = new ArrayList<>();
        int start = 0;
        if (fetch.isEntityFetch() && "_entities".equals(segments.get(0).asString()) && segments.size() > 1) {
            List<Object> prefix = entityPath.apply(segments.get(1).intValue());
            if (prefix == null) {
                return null;
            }
            result.addAll(prefix);
            start = 2;
        }
        for (int i = start; i < segments.size(); i++) {
            JsonNode segment = segments.get(i);
            result.add(segment.isNumber() ? (Object) segment.intValue()
                    : ExecutionState.clientSegment(segment.asString()));
        }
        return result;
    }

    private ObjectNode body(Fetch fetch, ExecutionState state) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("query", fetch.operation());
        ObjectNode variables = body.putObject("variables");
        ObjectNode sent = state.request.variables();
        for (String name : fetch.variableUsages()) {
            if (sent != null && sent.has(name)) {
                variables.set(name, sent.get(name));
            }
        }
        return body;
    }

    private Mono<JsonNode> send(Fetch fetch, ObjectNode body, ExecutionState state) {
        // identical queries in flight share one request; a mutation is always its own request
        return Mono.defer(() -> client.post(fetch.serviceName(), json.writeValueAsBytes(body),
                state.request.authorization(), state.request.forwarded(), !"mutation".equals(fetch.operationKind())));
    }
}
