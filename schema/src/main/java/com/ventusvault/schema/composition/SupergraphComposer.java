package com.ventusvault.schema.composition;

import com.ventusvault.schema.composition.merge.SupergraphMerger;
import com.ventusvault.schema.composition.print.SupergraphPrinter;
import com.ventusvault.schema.composition.subgraph.GraphNames;
import com.ventusvault.schema.composition.subgraph.Subgraph;
import com.ventusvault.schema.composition.subgraph.SubgraphParser;
import com.ventusvault.schema.composition.supergraph.Supergraph;
import com.ventusvault.schema.composition.validation.SubgraphFieldSets;
import com.ventusvault.schema.composition.validation.SubgraphValidator;
import com.ventusvault.schema.composition.validation.SupergraphValidator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Composes Federation 2 subgraph SDLs into the supergraph SDL a gateway loads (join spec v0.5, the format of
 * {@code rover supergraph compose}). Stages, each in its own package:
 * {@code subgraph} (parse each SDL) → {@code validation} (federation directives per subgraph) → {@code merge}
 * (types, fields, joins) → {@code validation} (whole-supergraph checks) → {@code print}.
 * A stage runs only when the previous one found no error, so messages are never knock-on effects.
 *
 * <p>Thread-safe and stateless; the output depends only on the input (subgraphs are ordered by name).
 */
public final class SupergraphComposer {

    /**
     * @return the supergraph SDL, ending with a newline
     * @throws CompositionException listing every error found in the failing stage
     */
    public String compose(List<SubgraphSource> sources) {
        return new SupergraphPrinter().print(composeModel(sources));
    }

    /** Like {@link #compose}, but returns the merged model instead of its text. */
    public Supergraph composeModel(List<SubgraphSource> sources) {
        List<CompositionError> errors = new ArrayList<>();
        List<SubgraphSource> ordered = checkNames(sources, errors);
        failOn(errors);

        SubgraphParser parser = new SubgraphParser();
        List<Subgraph> subgraphs = new ArrayList<>();
        for (SubgraphSource source : ordered) {
            Optional<Subgraph> parsed = parser.parse(source, errors);
            parsed.ifPresent(subgraphs::add);
        }
        failOn(errors);

        SubgraphValidator validator = new SubgraphValidator();
        Map<String, SubgraphFieldSets> fieldSets = new LinkedHashMap<>();
        for (Subgraph subgraph : subgraphs) {
            fieldSets.put(subgraph.name(), validator.validate(subgraph, errors));
        }
        failOn(errors);

        Supergraph supergraph = new SupergraphMerger().merge(subgraphs, fieldSets, errors);
        failOn(errors);

        new SupergraphValidator().validate(supergraph, subgraphs, errors);
        failOn(errors);
        return supergraph;
    }

    private static List<SubgraphSource> checkNames(List<SubgraphSource> sources, List<CompositionError> errors) {
        if (sources.isEmpty()) {
            errors.add(CompositionError.of(CompositionErrorCode.INVALID_SUBGRAPH_NAME, "No subgraphs to compose"));
        }
        Set<String> names = new HashSet<>();
        Map<String, String> enumValues = new HashMap<>();
        for (SubgraphSource source : sources) {
            if (!names.add(source.name())) {
                errors.add(CompositionError.of(CompositionErrorCode.INVALID_SUBGRAPH_NAME,
                        "Subgraph name \"" + source.name() + "\" is used more than once"));
                continue;
            }
            String previous = enumValues.putIfAbsent(GraphNames.enumValue(source.name()), source.name());
            if (previous != null) {
                errors.add(CompositionError.of(CompositionErrorCode.INVALID_SUBGRAPH_NAME, "Subgraphs \"" + previous
                        + "\" and \"" + source.name() + "\" both become join__Graph value " + GraphNames.enumValue(source.name())));
            }
        }
        return sources.stream().sorted(Comparator.comparing(SubgraphSource::name)).toList();
    }

    private static void failOn(List<CompositionError> errors) {
        if (!errors.isEmpty()) {
            throw new CompositionException(errors);
        }
    }
}
