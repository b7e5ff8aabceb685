package com.ventusvault.gateway.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The request path's stages depend on each other in one direction only (STYLE.md section 2): the planner is a pure
 * function of the supergraph, the executor runs plans without knowing how requests arrive, and only the wiring in
 * {@code config} knows the transport.
 */
class GatewayArchitectureTests {

    private static final String GATEWAY = "com.ventusvault.gateway";

    private static JavaClasses gateway;

    @BeforeAll
    static void importGateway() {
        gateway = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(GATEWAY);
    }

    @Test
    void supergraphDependsOnNoOtherStage() {
        noClasses().that().resideInAPackage(GATEWAY + ".supergraph..")
                .should().dependOnClassesThat().resideInAnyPackage(stagesExcept("supergraph"))
                .check(gateway);
    }

    @Test
    void planningDependsOnlyOnTheSupergraph() {
        noClasses().that().resideInAPackage(GATEWAY + ".planning..")
                .should().dependOnClassesThat().resideInAnyPackage(stagesExcept("planning", "supergraph"))
                .check(gateway);
    }

    @Test
    void executionUsesOnlyPlansTheSupergraphAndTheErrorModel() {
        noClasses().that().resideInAPackage(GATEWAY + ".execution..")
                .should().dependOnClassesThat().resideInAnyPackage(stagesExcept("execution", "planning", "supergraph", "errors"))
                .check(gateway);
    }

    @Test
    void theDocumentStageKnowsOnlyTheErrorModel() {
        noClasses().that().resideInAPackage(GATEWAY + ".document..")
                .should().dependOnClassesThat().resideInAnyPackage(stagesExcept("document", "errors"))
                .check(gateway);
    }

    @Test
    void nothingButTheWiringDependsOnTheTransport() {
        classes().that().resideInAPackage(GATEWAY + ".transport..")
                .should().onlyHaveDependentClassesThat().resideInAnyPackage(GATEWAY + ".transport..", GATEWAY + ".config..",
                        GATEWAY)
                .check(gateway);
    }

    @Test
    void thePlannerDoesNotTouchTheNetworkOrSpring() {
        noClasses().that().resideInAPackage(GATEWAY + ".planning..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "reactor..", "io.netty..",
                        "java.net..")
                .check(gateway);
    }

    private static String[] stagesExcept(String... allowed) {
        List<String> stages = new ArrayList<>(List.of(
                "supergraph", "planning", "execution", "document", "pipeline", "transport", "config", "errors", "security"));
        stages.removeAll(List.of(allowed));
        return stages.stream().map(stage -> GATEWAY + "." + stage + "..").toArray(String[]::new);
    }
}
