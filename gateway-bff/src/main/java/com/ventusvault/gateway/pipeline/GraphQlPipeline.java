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
import com.ventusvault.gateway.execution.subscriptions.SubscriptionEvent;
import com.ventusvault.gateway.execution.subscriptions.SubscriptionExecutor;
import com.ventusvault.gateway.planning.PlanCache;
import com.ventusvault.gateway.planning.PlanPrinter;
import com.ventusvault.gateway.planning.PlanningException;
import com.ventusvault.gateway.planning.QueryPlan;
import com.ventusvault.gateway.security.AccessControl;
import com.ventusvault.gateway.security.Credentials;
import com.ventusvault.gateway.security.TokenAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs one request through the stages: security (the access token), document (parse, validate, variables), security
 * again (access rules: fields the caller may not see are removed), planning (cached), execution. Every transport uses
 * it: {@link #execute} for one response (HTTP), {@link #stream} where a subscription may answer with many (WebSocket,
 * SSE); both run the same stages up to execution.
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

    /** Where a request stands once the stages before execution have run. */
    private sealed interface Staged {

        /** Answered without executing: refused, or nothing to execute. */
        record Done(GraphQlOutcome outcome) implements Staged {
        }

        /** A subscription whose root field the caller may not see: it ends before it starts. */
        record Denied(ObjectNode body, Credentials credentials) implements Staged {
        }

        /** Planned and ready to execute. */
        record Ready(ExecutionRequest execution, QueryPlan plan, AccessControl.Filtered filtered,
                     PreparedRequest.Accepted accepted, Credentials credentials, boolean includePlan)
                implements Staged {
        }
    }

    private final TokenAuthentication authentication;
    private final DocumentStage documents;
    private final AccessControl access;
    private final PlanCache plans;
    private final PlanExecutor executor;
    private final IntrospectionExecutor introspection;
    private final SubscriptionExecutor subscriptions;

    public GraphQlPipeline(TokenAuthentication authentication, DocumentStage documents, AccessControl access,
                           PlanCache plans, PlanExecutor executor, IntrospectionExecutor introspection) {
        this(authentication, documents, access, plans, executor, introspection, null);
    }

    /** @param subscriptions runs subscription plans for {@link #stream}; null: subscriptions are refused */
    public GraphQlPipeline(TokenAuthentication authentication, DocumentStage documents, AccessControl access,
                           PlanCache plans, PlanExecutor executor, IntrospectionExecutor introspection,
                           SubscriptionExecutor subscriptions) {
        this.authentication = authentication;
        this.documents = documents;
        this.access = access;
        this.plans = plans;
        this.executor = executor;
        this.introspection = introspection;
        this.subscriptions = subscriptions;
    }

    /**
     * The security stage's token check alone, for transports that authenticate a connection once before its
     * operations (a WebSocket's {@code connection_init}); each operation is still checked again by {@link #execute}
     * and {@link #stream} (a lookup in the verifier's cache).
     *
     * @param authorization an {@code Authorization} header value, or null
     */
    public Mono<Credentials> authenticate(String authorization) {
        return authentication.authenticate(authorization);
    }

    /**
     * Verifies the caller's token first: a token that is sent must be valid (HTTP 401 otherwise), whatever the
     * operation; then the document stage, access control, planning and execution. A subscription gets one
     * {@code BAD_REQUEST} error: it needs a streaming transport ({@link #stream}).
     */
    public Mono<GraphQlOutcome> execute(GraphQlRequest request, Options options) {
        return stage(request, options).flatMap(staged -> switch (staged) {
            case Staged.Done done -> Mono.just(done.outcome());
            case Staged.Denied denied -> Mono.just(new GraphQlOutcome(GraphQlOutcome.Kind.EXECUTED, denied.body()));
            case Staged.Ready ready -> run(ready);
        });
    }

    /**
     * As {@link #execute}, but a subscription that passes every stage before execution answers with its stream of
     * events ({@link StreamedOutcome.Stream}); everything else with one outcome. A subscription whose root field the
     * access rules remove is a stream of one {@link SubscriptionEvent.Failed} with their errors.
     */
    public Mono<StreamedOutcome> stream(GraphQlRequest request, Options options) {
        return stage(request, options).flatMap(staged -> switch (staged) {
            case Staged.Done done -> Mono.<StreamedOutcome>just(new StreamedOutcome.Single(done.outcome()));
            case Staged.Denied denied -> Mono.<StreamedOutcome>just(new StreamedOutcome.Stream(
                    Flux.just(failed(denied.body())), denied.credentials()));
            case Staged.Ready ready -> isSubscription(ready) && subscriptions != null
                    ? Mono.<StreamedOutcome>just(new StreamedOutcome.Stream(subscribe(ready), ready.credentials()))
                    : run(ready).<StreamedOutcome>map(StreamedOutcome.Single::new);
        });
    }

    private Mono<Staged> stage(GraphQlRequest request, Options options) {
        return authentication.authenticate(options.authorization()).map(credentials -> switch (credentials) {
            case Credentials.Refused refused -> new Staged.Done(new GraphQlOutcome(GraphQlOutcome.Kind.UNAUTHENTICATED,
                    errors(GraphQlErrors.error("The access token was refused: " + refused.reason(),
                            ErrorCode.UNAUTHENTICATED))));
            case Credentials.Unverifiable unverifiable -> new Staged.Done(new GraphQlOutcome(
                    GraphQlOutcome.Kind.UNAVAILABLE, errors(GraphQlErrors.error(
                            "Access tokens cannot be verified right now; retry shortly", ErrorCode.INTERNAL))));
            case Credentials.None none -> prepare(request, options, credentials);
            case Credentials.Verified verified -> prepare(request, options, credentials);
        });
    }

    private Staged prepare(GraphQlRequest request, Options options, Credentials credentials) {
        PreparedRequest prepared = documents.prepare(request);
        return switch (prepared) {
            case PreparedRequest.Rejected rejected -> new Staged.Done(rejected(rejected));
            case PreparedRequest.Accepted accepted -> plan(request, accepted, options, credentials);
        };
    }

    private Staged plan(GraphQlRequest request, PreparedRequest.Accepted accepted, Options options,
                        Credentials credentials) {
        if (!options.mutationsAllowed() && !accepted.operationKind().equals("query")) {
            return new Staged.Done(new GraphQlOutcome(GraphQlOutcome.Kind.NOT_ALLOWED, errors(GraphQlErrors.error(
                    "Only queries may be sent with GET; send " + accepted.operationKind() + "s with POST",
                    ErrorCode.BAD_REQUEST))));
        }
        AccessControl.Decision decision = access.decide(accepted.document(), accepted.documentHash(),
                accepted.operationName(), credentials);
        AccessControl.Filtered filtered = decision instanceof AccessControl.Filtered f ? f : null;
        if (filtered != null && filtered.nothingLeft()) {
            ObjectNode body = filtered.denied().respondWithoutExecuting();
            return accepted.operationKind().equals("subscription") ? new Staged.Denied(body, credentials)
                    : new Staged.Done(new GraphQlOutcome(GraphQlOutcome.Kind.EXECUTED, body));
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
            return new Staged.Done(new GraphQlOutcome(GraphQlOutcome.Kind.EXECUTED, errors(GraphQlErrors.error(
                    "The gateway cannot plan this operation", ErrorCode.INTERNAL))));
        }
        ExecutionRequest execution = new ExecutionRequest(plan, request.variables(), accepted.coerced(),
                options.authorization(), introspected, options.forwarded());
        return new Staged.Ready(execution, plan, filtered, accepted, credentials, options.includePlan());
    }

    private Mono<GraphQlOutcome> run(Staged.Ready ready) {
        AccessControl.Filtered filtered = ready.filtered();
        return executor.execute(ready.execution())
                .map(body -> filtered == null ? body : filtered.denied().apply(body))
                .map(body -> {
                    if (ready.includePlan()) {
                        body.putObject("extensions").put("queryPlan", PlanPrinter.print(ready.plan()));
                    }
                    return new GraphQlOutcome(GraphQlOutcome.Kind.EXECUTED, body);
                })
                .onErrorResume(e -> {
                    log.error("Executing operation {} failed", ready.accepted().operationName(), e);
                    return Mono.just(new GraphQlOutcome(GraphQlOutcome.Kind.EXECUTED, errors(GraphQlErrors.error(
                            "Internal error", ErrorCode.INTERNAL))));
                });
    }

    private Flux<SubscriptionEvent> subscribe(Staged.Ready ready) {
        AccessControl.Filtered filtered = ready.filtered();
        return subscriptions.execute(ready.execution())
                .<SubscriptionEvent>map(event -> switch (event) {
                    case SubscriptionEvent.Next next -> filtered == null ? next
                            : new SubscriptionEvent.Next(filtered.denied().apply(next.payload()));
                    case SubscriptionEvent.Failed failed -> failed;
                })
                .onErrorResume(e -> {
                    log.error("Subscription {} failed", ready.accepted().operationName(), e);
                    return Mono.just(new SubscriptionEvent.Failed(List.of(GraphQlErrors.error("Internal error",
                            ErrorCode.INTERNAL))));
                });
    }

    private static boolean isSubscription(Staged.Ready ready) {
        return ready.accepted().operationKind().equals("subscription");
    }

    private static SubscriptionEvent.Failed failed(ObjectNode body) {
        List<ObjectNode> errors = new ArrayList<>();
        body.path("errors").forEach(error -> errors.add((ObjectNode) error));
        return new SubscriptionEvent.Failed(errors);
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
