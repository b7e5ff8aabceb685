package com.ventusvault.gateway.execution;

import com.ventusvault.gateway.planning.QueryPlan;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * What the executor needs for one client request.
 *
 * @param plan           the plan of the client's operation
 * @param variables      the variables as the client sent them (forwarded to subgraphs as they are)
 * @param coerced        the coerced variable values, defaults applied ({@code @skip}/{@code @include} read these)
 * @param authorization  the client's {@code Authorization} header, forwarded to every subgraph; may be null
 * @param introspection  the introspection answer ({@code data} by response key, {@code errors}); may be null
 * @param forwarded      the request id and client address chain, forwarded to every subgraph
 */
public record ExecutionRequest(QueryPlan plan, ObjectNode variables, Map<String, Object> coerced,
                               String authorization, ObjectNode introspection, ForwardedHeaders forwarded) {

    public ExecutionRequest {
        forwarded = forwarded == null ? ForwardedHeaders.NONE : forwarded;
    }

    /** A request that forwards no request id or client address. */
    public ExecutionRequest(QueryPlan plan, ObjectNode variables, Map<String, Object> coerced, String authorization,
                            ObjectNode introspection) {
        this(plan, variables, coerced, authorization, introspection, ForwardedHeaders.NONE);
    }
}
