package com.ventusvault.benchmarks;

import com.ventusvault.benchmarks.document.DocumentBenchmarks;
import com.ventusvault.benchmarks.pipeline.RequestBenchmarks;
import com.ventusvault.benchmarks.planning.PlannerBenchmarks;
import com.ventusvault.benchmarks.workload.Workload;
import com.ventusvault.gateway.document.PreparedRequest;
import com.ventusvault.gateway.planning.PlanPrinter;
import com.ventusvault.gateway.planning.QueryPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every benchmark method once per workload, outside JMH, so the build catches a workload that no longer
 * validates or plans (a schema change) without spending time measuring anything.
 */
class BenchmarksSmokeTests {

    @Test
    void realDeepQueryPlansOverAllFourSubgraphs() {
        PlannerBenchmarks planner = new PlannerBenchmarks();
        planner.workload = Workload.REAL;
        planner.setUp();

        String plan = PlanPrinter.print(planner.coldPlan());

        assertThat(plan).contains("Fetch(service: \"accounts\")", "Fetch(service: \"payments\")",
                "Fetch(service: \"ai\")", "Fetch(service: \"markets\")", "Flatten(path: \"me.wallets.@.owner\")");
        assertThat(PlanPrinter.print(planner.cachedPlan())).isEqualTo(plan);
    }

    @Test
    void syntheticDeepQueryJumpsToEverySubgraph() {
        PlannerBenchmarks planner = new PlannerBenchmarks();
        planner.workload = Workload.SYNTHETIC_8;
        planner.setUp();

        String plan = PlanPrinter.print(planner.coldPlan());

        for (int i = 0; i < 8; i++) {
            assertThat(plan).contains("Fetch(service: \"s" + i + "\")");
        }
        assertThat(plan).contains("Flatten(path: \"root.next0.@.next1.@.next2.@.next3.@.next4.@.next5.@.next6.@\")");
    }

    @ParameterizedTest
    @ValueSource(strings = {Workload.REAL, Workload.SYNTHETIC_16})
    void everyBenchmarkMethodRunsOnce(String workload) {
        PlannerBenchmarks planner = new PlannerBenchmarks();
        planner.workload = workload;
        planner.setUp();
        DocumentBenchmarks documents = new DocumentBenchmarks();
        documents.workload = workload;
        documents.setUp();
        RequestBenchmarks requests = new RequestBenchmarks();
        requests.workload = workload;
        requests.setUp();

        assertThat(planner.coldPlan().node()).isNotNull();
        assertThat(planner.cachedPlan().node()).isNotNull();
        assertThat(documents.parseAndValidate()).isInstanceOf(PreparedRequest.Accepted.class);
        assertThat(documents.cachedDocument()).isInstanceOf(PreparedRequest.Accepted.class);
        QueryPlan cold = requests.coldRequest();
        assertThat(cold).isNotNull();
        assertThat(PlanPrinter.print(requests.warmRequest())).isEqualTo(PlanPrinter.print(cold));
    }
}
