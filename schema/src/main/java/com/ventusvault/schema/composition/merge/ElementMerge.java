package com.ventusvault.schema.composition.merge;

import com.ventusvault.schema.composition.subgraph.Annotations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** How descriptions and carried-over annotations of one element combine across subgraphs. */
final class ElementMerge {

    private ElementMerge() {
    }

    /**
     * The description that most subgraphs use; on a tie the first in subgraph order. Empty descriptions lose to any
     * non-empty one. This is Apollo's rule, so our output matches {@code rover supergraph compose}.
     */
    static String description(List<String> descriptions) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        boolean sawEmpty = false;
        for (String description : descriptions) {
            if (description == null) {
                continue;
            }
            if (description.isEmpty()) {
                sawEmpty = true;
            } else {
                counts.merge(description, 1, Integer::sum);
            }
        }
        String best = null;
        int bestCount = 0;
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            if (entry.getValue() > bestCount) {
                best = entry.getKey();
                bestCount = entry.getValue();
            }
        }
        return best == null && sawEmpty ? "" : best;
    }

    /**
     * Inaccessible anywhere makes it inaccessible; tags are the union; the first deprecation wins; authenticated
     * anywhere makes it authenticated; the scopes of every subgraph must all be met (see {@link AccessRequirements}).
     */
    static Annotations annotations(List<Annotations> sources) {
        boolean inaccessible = sources.stream().anyMatch(Annotations::inaccessible);
        List<String> tags = new ArrayList<>();
        sources.forEach(a -> a.tags().stream().filter(t -> !tags.contains(t)).forEach(tags::add));
        String deprecation = sources.stream().map(Annotations::deprecationReason).filter(Objects::nonNull).findFirst().orElse(null);
        boolean authenticated = sources.stream().anyMatch(Annotations::authenticated);
        List<List<String>> scopes = AccessRequirements.conjunction(sources.stream().map(Annotations::requiresScopes)
                .filter(s -> !s.isEmpty()).toList());
        return new Annotations(inaccessible, tags, deprecation, authenticated, scopes);
    }
}
