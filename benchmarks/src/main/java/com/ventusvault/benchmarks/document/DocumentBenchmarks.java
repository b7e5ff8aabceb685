package com.ventusvault.benchmarks.document;

import com.ventusvault.benchmarks.workload.Workload;
import com.ventusvault.gateway.document.DocumentStage;
import com.ventusvault.gateway.document.GraphQlRequest;
import com.ventusvault.gateway.document.PreparedRequest;
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
 * The document stage on the deep query: parse + validate against the API schema + hash + operation selection +
 * variable coercion with an empty cache, and the same request answered from the stage's document cache.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DocumentBenchmarks {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Param({Workload.REAL, Workload.SYNTHETIC_16})
    public String workload;

    private Workload loaded;
    private DocumentStage warmStage;

    @Setup
    public void setUp() {
        loaded = Workload.named(workload);
        warmStage = new DocumentStage(loaded.supergraph().apiSchema(), JSON, 1000);
        if (!(warmStage.prepare(request()) instanceof PreparedRequest.Accepted)) {
            throw new IllegalStateException(workload + ": the deep query is rejected by the document stage");
        }
    }

    /** A document the gateway has not seen: parse, validate, SHA-256, operation selection, variables. */
    @Benchmark
    public PreparedRequest parseAndValidate() {
        return new DocumentStage(loaded.supergraph().apiSchema(), JSON, 1000).prepare(request());
    }

    /** A document seen before: the text is looked up (hashed and compared) in the document cache. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public PreparedRequest cachedDocument() {
        return warmStage.prepare(request());
    }

    /** A fresh copy of the text each time, as a decoded request body is, so its hash code is not cached. */
    private GraphQlRequest request() {
        return new GraphQlRequest(new String(loaded.query()), loaded.operationName(), null, null);
    }
}
