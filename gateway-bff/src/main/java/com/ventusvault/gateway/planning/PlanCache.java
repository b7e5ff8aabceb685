package com.ventusvault.gateway.planning;

import graphql.language.Document;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Plans by (document hash, operation name), bounded, least recently used out. Plans are pure functions of the
 * supergraph and the operation, so a cached plan is always right for this planner's supergraph.
 */
public final class PlanCache {

    private final QueryPlanner planner;
    private final Map<String, QueryPlan> plans;

    public PlanCache(QueryPlanner planner, int maxSize) {
        this.planner = planner;
        this.plans = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, QueryPlan> eldest) {
                return size() > maxSize;
            }
        });
    }

    /** The plan for the operation, planned on first use. */
    public QueryPlan plan(String documentHash, Document document, String operationName) {
        String key = documentHash + "/" + (operationName == null ? "" : operationName);
        QueryPlan plan = plans.get(key);
        if (plan == null) {
            plan = planner.plan(document, operationName);
            plans.put(key, plan);
        }
        return plan;
    }

    public int size() {
        return plans.size();
    }
}
