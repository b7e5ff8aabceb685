package com.ventusvault.gateway.pipeline;

import com.ventusvault.gateway.document.DocumentStage;
import com.ventusvault.gateway.document.GraphQlRequest;
import com.ventusvault.gateway.document.PreparedRequest;
import com.ventusvault.gateway.errors.ErrorCode;
import com.ventusvault.gateway.errors.GraphQlErrors;
import com.ventusvault.gateway.execution.ExecutionRequest;
import com.ventusvault.gateway.execution.ForwardedHeaders;
import com.ventusvault.gateway.execution.IntrospectionExecutor;
import com.ventusvault.gateway.execution.PlanExecutor;
import com.ventusvault.gateway.planning.PlanCache;
import com.ventusvault.gateway.planning.PlanPrinter;
import com.ventusvault.gateway.planning.PlanningException;
import com.ventusvault.gateway.planning.QueryPlan;
import com.ventusvault.gateway.security.AccessControl;
import com.ventusvault.gateway.security.Credentials;
import com.ventusvault.gateway.security.TokenAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs one request through the stages: security (the access token), document (parse, validate, variables), security
 * again (access rules: fields the caller may not see are removed), planning (cached), execution.
 */
public final class GraphQlPipeline {

    private static final Logger log = LoggerFactory.getLogger(GraphQlPipeline.class);

    /**
     * Per-request options a transport sets.
     *
     * @param forwarded the request id and client address chain to send to subgraphs
     */
    public record Options(String authorization, boolean mutationsAllowed, boolean includePlan,
                          ForwardedHeaders forwarded) {

        public Options {
            forwarded = forwarded == null ? ForwardedHeaders.NONE : forwarded;
        }

        public Options(String authorization, boolean mutationsAllowed, boolean includePlan) {
            this(authorization, mutationsAllowed, includePlan, ForwardedHeaders.NONE);
        }
    }

    private final TokenAuthentication authentication;
    private final DocumentStage documents;
    private final AccessControl access;
    private final PlanCache plans;
    private final PlanExecutor executor;
    private final IntrospectionExecutor introspection;

    public GraphQlPipeline(TokenAuthentication authentication, DocumentStage documents, AccessControl access,
                           PlanCache plans, PlanExecutor executor, IntrospectionExecutor introspection) {
        this.authentication = authentication;
        this.documents = documents;
        this.access = access;
        this.plans = plans;
        this.executor = executor;
        this.introspection = introspection;
    }

    /**
     * Verifies the caller's token first: a token that is sent must be valid (HTTP 401 otherwise), whatever the
     * operation; then the document stage, access control, planning and execution.
     */
    public Mono<GraphQlOutcome> execute(GraphQlRequest request, Options options) {
        return authentication.authenticate(options.authorization()).flatMap(credentials -> switch (credentials) {
            case Credentials.Refused refused -> Mono.just(new GraphQlOutcome(GraphQlOutcome.Kind.UNAUTHENTICATED,
                    errors(GraphQlErrors.error("The access token was refused: " + refused.reason(),
                            ErrorCode.UNAUTHENTICATED))));
            case Credentials.Unverifiable unverifiable -> Mono.just(new GraphQlOutcome(
                    GraphQlOutcome.Kind.UNAVAILABLE, errors(GraphQlErrors.error(
                            "Access tokens cannot be verified right now; retry shortly", ErrorCode.INTERNAL))));
            case Credentials.None none -> prepare(request, options, credentials);
            case Credentials.Verified verified -> prepare(request, options, credentials);
        });
    }

    private Mono<GraphQlOutcome> prepare(GraphQlRequest request, Options options, Credentials credentials) {
        PreparedRequest prepared = documents.prepare(request);
        return switch (prepared) {
            case PreparedRequest.Rejected rejected -> Mono.just(rejected(rejected));
            case PreparedRequest.Accepted accepted -> execute(request, accepted, options, credentials);
        };
    }

    private Mono<GraphQlOutcome> execute(GraphQlRequest request, PreparedRequest.Accepted accepted, Options options,
                                         Credentials credentials) {
        if (!options.mutationsAllowed() && !accepted.operationKind().equals("query")) {
            return Mono.just(new GraphQlOutcome(GraphQlOutcome.Kind.NOT_ALLOWED, errors(GraphQlErrors.error(
                    "Only queries may be sent with GET; send " + accepted.operationKind() + "s with POST",
                    ErrorCode.BAD_REQUEST))));
        }
        AccessControl.Decision decision = access.decide(accepted.document(), accepted.documentHash(),
                accepted.operationName(), credentials);
        AccessControl.Filtered filtered = decision instanceof AccessControl.Filtered f ? f : null;
        if (filtered != null && filtered.nothingLeft()) {
            return Mono.just(new GraphQlOutcome(GraphQlOutcome.Kind.EXECUTED, filtered.denied().respondWithoutExecuting()));
        }
        QueryPlan plan;
        ObjectNode introspected;
        try {
            plan = filtered == null
                    ? plans.plan(accepted.documentHash(), accepted.document(), accepted.operationName())
                    : plans.plan(filtered.planKey(), filtered.document(), accepted.operationName());
            introspected = accepted.introspects()
                    ? introspection.answer(accepted.document(), accepted.operationName(), accepted.coerced()) : null;
        } catch (PlanningException e) {
            log.warn("Cannot plan operation {}: {}", accepted.operationName(), e.getMessage());
            return Mono.just(new GraphQlOutcome(GraphQlOutcome.Kind.EXECUTED, errors(GraphQlErrors.error(
                    "The gateway cannot plan this operation", ErrorCode.INTERNAL))));
        }
        ExecutionRequest execution = new ExecutionRequest(plan, request.variables(), accepted.coerced(),
                options.authorization(), introspected, options.forwarded());
        return executor.execute(execution)
                .map(body -> filtered == null ? body : filtered.denied().apply(body))
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
