package com.ventusvault.benchmarks.pipeline;

import com.ventusvault.benchmarks.workload.Workload;
import com.ventusvault.gateway.document.DocumentStage;
import com.ventusvault.gateway.document.GraphQlRequest;
import com.ventusvault.gateway.document.PreparedRequest;
import com.ventusvault.gateway.planning.PlanCache;
import com.ventusvault.gateway.planning.QueryPlan;
import com.ventusvault.gateway.planning.QueryPlanner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.json.JsonMapper;

import java.util.concurrent.TimeUnit;

/**
 * Everything the gateway does for a request before its first subgraph fetch, in memory and in the order
 * {@code GraphQlPipeline} does it: the document stage, then the plan cache. Cold: both caches empty (a new
 * document); warm: both hit (the steady state of a client app that sends the same documents).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RequestBenchmarks {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Param({Workload.REAL, Workload.SYNTHETIC_16})
    public String workload;

    private Workload loaded;
    private QueryPlanner planner;
    private DocumentStage warmStage;
    private PlanCache warmPlans;

    @Setup
    public void setUp() {
        loaded = Workload.named(workload);
        warmStage = new DocumentStage(loaded.supergraph().apiSchema(), JSON, 1000);
        planner = new QueryPlanner(loaded.supergraph());
        warmPlans = new PlanCache(planner, 1000);
        if (plan(warmStage, warmPlans) == null) {
            throw new IllegalStateException(workload + ": the deep query is rejected by the document stage");
        }
    }

    /** A document the gateway has never seen: empty document and plan caches (the planner is shared, as live). */
    @Benchmark
    public QueryPlan coldRequest() {
        return plan(new DocumentStage(loaded.supergraph().apiSchema(), JSON, 1000), new PlanCache(planner, 1000));
    }

    /** A document the gateway has seen: both caches hit. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public QueryPlan warmRequest() {
        return plan(warmStage, warmPlans);
    }

    private QueryPlan plan(DocumentStage stage, PlanCache plans) {
        GraphQlRequest request = new GraphQlRequest(new String(loaded.query()), loaded.operationName(), null, null);
        return switch (stage.prepare(request)) {
            case PreparedRequest.Accepted accepted ->
                    plans.plan(accepted.documentHash(), accepted.document(), accepted.operationName());
            case PreparedRequest.Rejected rejected -> null;
        };
    }
}
