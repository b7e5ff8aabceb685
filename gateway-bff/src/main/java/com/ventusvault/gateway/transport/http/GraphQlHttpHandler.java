package com.ventusvault.gateway.transport.http;

import com.ventusvault.gateway.document.GraphQlRequest;
import com.ventusvault.gateway.errors.ErrorCode;
import com.ventusvault.gateway.errors.GraphQlErrors;
import com.ventusvault.gateway.limits.DocumentLimits;
import com.ventusvault.gateway.pipeline.GraphQlOutcome;
import com.ventusvault.gateway.pipeline.GraphQlPipeline;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The GraphQL-over-HTTP endpoint. POST takes {@code application/json}; GET takes queries in URL parameters and
 * refuses mutations (405). Malformed requests get 400 with a BAD_REQUEST error. With
 * {@code application/graphql-response+json} parse and validation errors are 400; with {@code application/json}
 * (the default) every well-formed request gets 200.
 */
public final class GraphQlHttpHandler {

    static final String PLAN_HEADER = "X-Ventus-Plan";

    private final GraphQlPipeline pipeline;
    private final ObjectMapper json;
    private final boolean exposeQueryPlan;
    private final DocumentLimits documentLimits;

    public GraphQlHttpHandler(GraphQlPipeline pipeline, ObjectMapper json, boolean exposeQueryPlan) {
        this(pipeline, json, exposeQueryPlan, null);
    }

    /** @param documentLimits the document limits checked before the pipeline runs, or null for none */
    public GraphQlHttpHandler(GraphQlPipeline pipeline, ObjectMapper json, boolean exposeQueryPlan,
                              DocumentLimits documentLimits) {
        this.pipeline = pipeline;
        this.json = json;
        this.exposeQueryPlan = exposeQueryPlan;
        this.documentLimits = documentLimits;
    }

    public Mono<ServerResponse> post(ServerRequest request) {
        MediaType responseType = MediaTypes.negotiate(request.headers().header(HttpHeaders.ACCEPT));
        if (responseType == null) {
            return error(HttpStatus.NOT_ACCEPTABLE, MediaTypes.JSON_UTF8, "Accept application/graphql-response+json "
                    + "or application/json");
        }
        MediaType contentType = request.headers().contentType().orElse(null);
        if (contentType == null || !contentType.isCompatibleWith(MediaType.APPLICATION_JSON)) {
            return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, responseType, "Send the request as application/json");
        }
        return request.bodyToMono(byte[].class).defaultIfEmpty(new byte[0])
                .flatMap(body -> {
                    GraphQlRequest graphQlRequest;
                    try {
                        graphQlRequest = GraphQlRequestReader.fromBody(json.readTree(body));
                    } catch (RuntimeException e) {
                        return error(HttpStatus.BAD_REQUEST, responseType,
                                e instanceof GraphQlRequestReader.Malformed ? e.getMessage() : "The request body is not valid JSON");
                    }
                    return run(request, graphQlRequest, responseType, true);
                });
    }

    public Mono<ServerResponse> get(ServerRequest request) {
        MediaType responseType = MediaTypes.negotiate(request.headers().header(HttpHeaders.ACCEPT));
        if (responseType == null) {
            return error(HttpStatus.NOT_ACCEPTABLE, MediaTypes.JSON_UTF8, "Accept application/graphql-response+json "
                    + "or application/json");
        }
        GraphQlRequest graphQlRequest;
        try {
            graphQlRequest = new GraphQlRequest(request.queryParam("query").orElse(null),
                    request.queryParam("operationName").filter(s -> !s.isEmpty()).orElse(null),
                    objectParam(request, "variables"), objectParam(request, "extensions"));
        } catch (RuntimeException e) {
            return error(HttpStatus.BAD_REQUEST, responseType,
                    e instanceof GraphQlRequestReader.Malformed ? e.getMessage() : "Invalid request parameters");
        }
        return run(request, graphQlRequest, responseType, false);
    }

    private Mono<ServerResponse> run(ServerRequest http, GraphQlRequest request, MediaType responseType,
                                     boolean mutationsAllowed) {
        if (documentLimits != null) { // limits stage: before validation and planning, like a validation error
            var refused = documentLimits.check(request.query());
            if (!refused.isEmpty()) {
                ObjectNode body = JsonNodeFactory.instance.objectNode();
                refused.forEach(error -> body.withArray("errors").add(error.deepCopy()));
                return ServerResponse.status(responseType.equals(MediaTypes.GRAPHQL_RESPONSE_UTF8)
                        ? HttpStatus.BAD_REQUEST : HttpStatus.OK).contentType(responseType)
                        .bodyValue(json.writeValueAsBytes(body));
            }
        }
        boolean includePlan = exposeQueryPlan && "true".equalsIgnoreCase(http.headers().firstHeader(PLAN_HEADER));
        var options = new GraphQlPipeline.Options(http.headers().firstHeader(HttpHeaders.AUTHORIZATION),
                mutationsAllowed, includePlan, Forwarding.of(http));
        return ConnectionThread.deliverOnConnectionLoop(http, pipeline.execute(request, options)).flatMap(outcome -> {
            HttpStatus status = switch (outcome.kind()) {
                case EXECUTED -> HttpStatus.OK;
                case REQUEST_ERROR -> HttpStatus.BAD_REQUEST;
                case DOCUMENT_ERROR -> responseType.equals(MediaTypes.GRAPHQL_RESPONSE_UTF8) ? HttpStatus.BAD_REQUEST
                        : HttpStatus.OK;
                case NOT_ALLOWED -> HttpStatus.METHOD_NOT_ALLOWED;
                case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
                case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            };
            ServerResponse.BodyBuilder builder = ServerResponse.status(status).contentType(responseType);
            if (status == HttpStatus.METHOD_NOT_ALLOWED) {
                builder.allow(HttpMethod.POST);
            }
            if (status == HttpStatus.UNAUTHORIZED) { // RFC 6750 section 3
                builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            }
            return builder.bodyValue(json.writeValueAsBytes(outcome.body()));
        });
    }

    private ObjectNode objectParam(ServerRequest request, String name) {
        String value = request.queryParam(name).orElse(null);
        if (value == null || value.isEmpty()) {
            return null;
        }
        JsonNode node;
        try {
            node = json.readTree(value);
        } catch (RuntimeException e) {
            throw new GraphQlRequestReader.Malformed(name + " must be a JSON object");
        }
        return GraphQlRequestReader.objectOrNull(node, name);
    }

    private Mono<ServerResponse> error(HttpStatus status, MediaType type, String message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putArray("errors").add(GraphQlErrors.error(message, ErrorCode.BAD_REQUEST));
        return ServerResponse.status(status).contentType(type).bodyValue(json.writeValueAsBytes(body));
    }
}
