package com.ventusvault.benchmarks.planning;

import com.ventusvault.benchmarks.workload.Workload;
import com.ventusvault.gateway.planning.PlanCache;
import com.ventusvault.gateway.planning.QueryPlan;
import com.ventusvault.gateway.planning.QueryPlanner;
import graphql.ParseAndValidate;
import graphql.language.Document;
import graphql.parser.Parser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * Planning time of a deep multi-subgraph query: cold (an empty plan cache for every invocation: the cost of a
 * document's first request on a running gateway) and from the plan cache (every later request with the same
 * document and operation name). The document is parsed and validated once, in setup.
 *
 * <p>The cold case shares one {@link QueryPlanner}, as the gateway does, so anything the planner may one day keep
 * per supergraph (today it keeps nothing) counts as warm; only the plan itself is computed afresh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PlannerBenchmarks {

    @Param({Workload.REAL, Workload.SYNTHETIC_8, Workload.SYNTHETIC_16})
    public String workload;

    private Workload loaded;
    private Document document;
    private String documentHash;
    private QueryPlanner planner;
    private PlanCache warmCache;

    @Setup
    public void setUp() {
        loaded = Workload.named(workload);
        document = Parser.parse(loaded.query());
        var errors = ParseAndValidate.validate(loaded.supergraph().apiSchema(), document);
        if (!errors.isEmpty()) {
            throw new IllegalStateException(workload + ": the deep query is not valid: " + errors);
        }
        documentHash = Integer.toHexString(loaded.query().hashCode());
        planner = new QueryPlanner(loaded.supergraph());
        warmCache = new PlanCache(planner, 1000);
        warmCache.plan(documentHash, document, loaded.operationName());
    }

    /** First request of a document: cache miss, normalisation, query-graph walk, plan assembly. */
    @Benchmark
    public QueryPlan coldPlan() {
        PlanCache cache = new PlanCache(planner, 1000);
        return cache.plan(documentHash, document, loaded.operationName());
    }

    /** Every later request: a plan-cache hit. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public QueryPlan cachedPlan() {
        return warmCache.plan(documentHash, document, loaded.operationName());
    }
}
