package com.ventusvault.gateway.security;

import com.ventusvault.gateway.supergraph.AccessRequirement;
import com.ventusvault.gateway.supergraph.AccessRules;
import graphql.language.Document;
import graphql.schema.GraphQLSchema;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Enforces the supergraph's {@code @authenticated} and {@code @requiresScopes} before execution, as Apollo's router
 * does: fields the caller may not see are removed from the operation before it is planned, so no subgraph is asked
 * for them; the response has null at their paths and an error for each (UNAUTHENTICATED without a token, FORBIDDEN
 * with a token lacking the scopes); the rest of the operation runs as usual.
 * <p>
 * What is expensive is done once per operation (document hash + operation name), not per request: finding the
 * guarded fields ({@link AccessAnalyzer}), and for each kind of caller that loses fields, the filtered document and
 * the shape of the answer. A request then checks each distinct rule of its operation once against the caller's token
 * (a few set lookups), and an operation without guarded fields costs one cache lookup.
 */
public final class AccessControl {

    /** What to execute for this caller. */
    public sealed interface Decision {
    }

    /** The whole operation, as sent. */
    public record Allowed() implements Decision {
    }

    /**
     * The operation without the fields the caller may not see.
     *
     * @param document    the document to plan and execute (irrelevant when {@code nothingLeft})
     * @param planKey     the plan cache key for {@code document}
     * @param nothingLeft whether every root field was removed, so nothing is executed at all
     * @param denied      what the response says about the removed fields
     */
    public record Filtered(Document document, String planKey, boolean nothingLeft, DeniedFields denied)
            implements Decision {
    }

    private static final Decision ALLOWED = new Allowed();
    /** Distinct kinds of callers remembered per operation; beyond this, filtered documents are built per request. */
    private static final int MAX_VARIANTS = 16;

    private final AccessAnalyzer analyzer;
    private final boolean noRules;
    private final int cacheSize;
    /** Lock-free on the request path; when full it starts over (an analysis is cheap to redo, a lock on every request is not). */
    private final Map<String, OperationAccess> operations;

    public AccessControl(GraphQLSchema apiSchema, AccessRules rules, int cacheSize) {
        this.analyzer = new AccessAnalyzer(apiSchema, rules);
        this.noRules = rules.isEmpty();
        this.cacheSize = cacheSize;
        this.operations = new ConcurrentHashMap<>();
    }

    /** What the caller may execute of the operation ({@code document} must already be valid). */
    public Decision decide(Document document, String documentHash, String operationName, Credentials credentials) {
        if (noRules) {
            return ALLOWED;
        }
        String key = documentHash + "/" + (operationName == null ? "" : operationName);
        OperationAccess access = operations.get(key);
        if (access == null) {
            if (operations.size() >= cacheSize) {
                operations.clear();
            }
            access = operations.computeIfAbsent(key, k -> new OperationAccess(analyzer.analyze(document, operationName)));
        }
        return access.decide(document, key, operationName, credentials);
    }

    /** The guarded fields of one operation, their distinct rules, and the filtered variants built so far. */
    private static final class OperationAccess {
        private final List<GuardedField> guarded;
        private final List<AccessRequirement> rules;
        private final int[] ruleOf;
        private final Map<String, Filtered> variants = new ConcurrentHashMap<>();

        OperationAccess(List<GuardedField> guarded) {
            this.guarded = List.copyOf(guarded);
            this.rules = new ArrayList<>();
            this.ruleOf = new int[guarded.size()];
            for (int i = 0; i < guarded.size(); i++) {
                int index = rules.indexOf(guarded.get(i).requirement());
                if (index < 0) {
                    index = rules.size();
                    rules.add(guarded.get(i).requirement());
                }
                ruleOf[i] = index;
            }
        }

        Decision decide(Document document, String key, String operationName, Credentials credentials) {
            if (guarded.isEmpty()) {
                return ALLOWED;
            }
            boolean signedIn = credentials.signedIn();
            Set<String> scopes = credentials.scopes();
            BitSet unmet = new BitSet(rules.size());
            for (int r = 0; r < rules.size(); r++) {
                if (!rules.get(r).isMetBy(signedIn, scopes)) {
                    unmet.set(r);
                }
            }
            if (unmet.isEmpty()) {
                return ALLOWED;
            }
            String variant = (signedIn ? "signed-in" : "anonymous") + unmet;
            Filtered filtered = variants.get(variant);
            if (filtered == null) {
                filtered = filter(document, key + "#" + variant, operationName, unmet, signedIn);
                if (variants.size() < MAX_VARIANTS) {
                    Filtered earlier = variants.putIfAbsent(variant, filtered);
                    filtered = earlier != null ? earlier : filtered;
                }
            }
            return filtered;
        }

        private Filtered filter(Document document, String planKey, String operationName, BitSet unmet, boolean signedIn) {
            List<GuardedField> denied = new ArrayList<>();
            Set<String> addresses = new HashSet<>();
            for (int i = 0; i < guarded.size(); i++) {
                if (unmet.get(ruleOf[i])) {
                    denied.add(guarded.get(i));
                    addresses.add(guarded.get(i).address());
                }
            }
            return new Filtered(DocumentFilter.without(document, operationName, addresses), planKey,
                    DocumentFilter.emptiesRoot(document, operationName, addresses),
                    new DeniedFields(denied, signedIn));
        }
    }
}
