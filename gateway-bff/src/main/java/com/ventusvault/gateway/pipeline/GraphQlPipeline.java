package com.ventusvault.gateway.pipeline;

import com.ventusvault.gateway.document.DocumentStage;
import com.ventusvault.gateway.document.GraphQlRequest;
import com.ventusvault.gateway.document.PreparedRequest;
import com.ventusvault.gateway.errors.ErrorCode;
import com.ventusvault.gateway.errors.GraphQlErrors;
import com.ventusvault.gateway.execution.ExecutionRequest;
import com.ventusvault.gateway.execution.IntrospectionExecutor;
import com.ventusvault.gateway.execution.PlanExecutor;
import com.ventusvault.gateway.planning.PlanCache;
import com.ventusvault.gateway.planning.PlanPrinter;
import com.ventusvault.gateway.planning.PlanningException;
import com.ventusvault.gateway.planning.QueryPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs one request through the stages: document (parse, validate, variables), planning (cached), execution.
 */
public final class GraphQlPipeline {

    private static final Logger log = LoggerFactory.getLogger(GraphQlPipeline.class);

    /** Per-request options a transport sets. */
    public record Options(String authorization, boolean mutationsAllowed, boolean includePlan) {
    }

    private final DocumentStage documents;
    private final PlanCache plans;
    private final PlanExecutor executor;
    private final IntrospectionExecutor introspection;

    public GraphQlPipeline(DocumentStage documents, PlanCache plans, PlanExecutor executor,
                           IntrospectionExecutor introspection) {
        this.documents = documents;
        this.plans = plans;
        this.executor = executor;
        this.introspection = introspection;
    }

    public Mono<GraphQlOutcome> execute(GraphQlRequest request, Options options) {
        PreparedRequest prepared = documents.prepare(request);
        return switch (prepared) {
            case PreparedRequest.Rejected rejected -> Mono.just(rejected(rejected));
            case PreparedRequest.Accepted accepted -> execute(request, accepted, options);
        };
    }

    private Mono<GraphQlOutcome> execute(GraphQlRequest request, PreparedRequest.Accepted accepted, Options options) {
        if (!options.mutationsAllowed() && !accepted.operationKind().equals("query")) {
            return Mono.just(new GraphQlOutcome(GraphQlOutcome.Kind.NOT_ALLOWED, errors(GraphQlErrors.error(
                    "Only queries may be sent with GET; send " + accepted.operationKind() + "s with POST",
                    ErrorCode.BAD_REQUEST))));
        }
        QueryPlan plan;
        ObjectNode introspected;
        try {
            plan = plans.plan(accepted.documentHash(), accepted.document(), accepted.operationName());
            introspected = accepted.introspects()
                    ? introspection.answer(accepted.document(), accepted.operationName(), accepted.coerced()) : null;
        } catch (PlanningException e) {
            log.warn("Cannot plan operation {}: {}", accepted.operationName(), e.getMessage());
            return Mono.just(new GraphQlOutcome(GraphQlOutcome.Kind.EXECUTED, errors(GraphQlErrors.error(
                    "The gateway cannot plan this operation", ErrorCode.INTERNAL))));
        }
        ExecutionRequest execution = new ExecutionRequest(plan, request.variables(), accepted.coerced(),
                options.authorization(), introspected);
        return executor.execute(execution)
                .map(body -> {
                    if (options.includePlan()) {
                        body.putObject("extensions").put("queryPlan", PlanPrinter.print(plan));
                    }
                    return new GraphQlOutcome(GraphQlOutcome.Kind.EXECUTED, body);
                })
                .onErrorResume(e -> {
                    log.error("Executing operation {} failed", accepted.operationName(), e);
                    return Mono.just(new GraphQlOutcome(GraphQlOutcome.Kind.EXECUTED, errors(GraphQlErrors.error(
                            "Internal error", ErrorCode.INTERNAL))));
                });
    }

    private static GraphQlOutcome rejected(PreparedRequest.Rejected rejected) {
        GraphQlOutcome.Kind kind = rejected.wellFormed() ? GraphQlOutcome.Kind.DOCUMENT_ERROR
                : GraphQlOutcome.Kind.REQUEST_ERROR;
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        rejected.errors().forEach(body.putArray("errors")::add);
        return new GraphQlOutcome(kind, body);
    }

    private static ObjectNode errors(ObjectNode error) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putArray("errors").add(error);
        return body;
    }
}
