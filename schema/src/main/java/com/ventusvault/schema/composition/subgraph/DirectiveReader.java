package com.ventusvault.schema.composition.subgraph;

import com.ventusvault.schema.composition.CompositionError;
import com.ventusvault.schema.composition.CompositionErrorCode;
import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.Directive;
import graphql.language.StringValue;
import graphql.language.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the directives applied to one element of a subgraph: resolves federation directives to their canonical
 * names, collects {@code @inaccessible}/{@code @tag}/{@code @deprecated}, and reports directives the subgraph never
 * imported or defined.
 */
final class DirectiveReader {

    private static final Set<String> BUILT_IN = Set.of("deprecated", "specifiedBy", "include", "skip", "oneOf", "defer", "stream", "link");

    private final String subgraph;
    private final FederationImports imports;
    private final Set<String> definedDirectives;
    private final List<CompositionError> errors;

    DirectiveReader(String subgraph, FederationImports imports, Set<String> definedDirectives, List<CompositionError> errors) {
        this.subgraph = subgraph;
        this.imports = imports;
        this.definedDirectives = definedDirectives;
        this.errors = errors;
    }

    /** @param where what the directives sit on, for messages, e.g. {@code field "User.id"} */
    AppliedDirectives read(List<Directive> directives, String where) {
        Map<String, List<Directive>> federation = new LinkedHashMap<>();
        boolean inaccessible = false;
        List<String> tags = new ArrayList<>();
        String deprecation = null;
        boolean authenticated = false;
        List<List<String>> scopes = new ArrayList<>();
        for (Directive directive : directives) {
            String name = directive.getName();
            String canonical = imports.canonical(name);
            if (canonical != null) {
                federation.computeIfAbsent(canonical, k -> new ArrayList<>()).add(directive);
                if (canonical.equals("inaccessible")) {
                    inaccessible = true;
                } else if (canonical.equals("tag")) {
                    readTag(directive, where, tags);
                } else if (canonical.equals("authenticated")) {
                    authenticated = true;
                } else if (canonical.equals("requiresScopes")) {
                    readScopes(directive, where, scopes);
                }
            } else if (name.equals("deprecated")) {
                String reason = AppliedDirectives.stringArgument(directive, "reason");
                deprecation = reason == null ? "" : reason;
            } else if (!BUILT_IN.contains(name) && !definedDirectives.contains(name) && !imports.isOtherSpecDirective(name)) {
                reportUnknown(name, where);
            }
        }
        return new AppliedDirectives(federation, new Annotations(inaccessible, tags, deprecation, authenticated,
                scopes));
    }

    /** Federation directives only, without reporting unknown ones (for a second look at already-read directives). */
    AppliedDirectives federationOnly(List<Directive> directives) {
        Map<String, List<Directive>> federation = new LinkedHashMap<>();
        for (Directive directive : directives) {
            String canonical = imports.canonical(directive.getName());
            if (canonical != null) {
                federation.computeIfAbsent(canonical, k -> new ArrayList<>()).add(directive);
            }
        }
        return new AppliedDirectives(federation, Annotations.NONE);
    }

    private void readTag(Directive directive, String where, List<String> tags) {
        String tag = AppliedDirectives.stringArgument(directive, "name");
        if (tag == null) {
            errors.add(CompositionError.of(CompositionErrorCode.INVALID_FEDERATION_DIRECTIVE_USAGE,
                    "Subgraph \"" + subgraph + "\": @tag on " + where + " needs a string name argument"));
        } else if (!tags.contains(tag)) {
            tags.add(tag);
        }
    }

    /** {@code scopes: [[String!]!]!}: the alternatives, each a list of scopes granted together. */
    private void readScopes(Directive directive, String where, List<List<String>> into) {
        Argument argument = directive.getArgument("scopes");
        List<List<String>> alternatives = new ArrayList<>();
        if (argument != null && argument.getValue() instanceof ArrayValue outer) {
            for (Value<?> inner : outer.getValues()) {
                if (!(inner instanceof ArrayValue all)
                        || !all.getValues().stream().allMatch(StringValue.class::isInstance)) {
                    alternatives = null;
                    break;
                }
                alternatives.add(all.getValues().stream().map(v -> ((StringValue) v).getValue()).distinct().toList());
            }
        } else {
            alternatives = null;
        }
        if (alternatives == null || alternatives.isEmpty() || alternatives.stream().anyMatch(List::isEmpty)) {
            errors.add(CompositionError.of(CompositionErrorCode.INVALID_FEDERATION_DIRECTIVE_USAGE,
                    "Subgraph \"" + subgraph + "\": @requiresScopes on " + where
                            + " needs scopes: a non-empty list of non-empty lists of strings, e.g. [[\"read\"]]"));
            return;
        }
        into.addAll(alternatives);
    }

    private void reportUnknown(String name, String where) {
        if (FederationImports.looksLikeFederationDirective(name)) {
            errors.add(CompositionError.of(CompositionErrorCode.UNKNOWN_FEDERATION_DIRECTIVE,
                    "Subgraph \"" + subgraph + "\": @" + name + " is used on " + where
                            + " but not imported: add \"@" + name + "\" to the import list of the federation @link"));
        } else {
            errors.add(CompositionError.of(CompositionErrorCode.UNKNOWN_FEDERATION_DIRECTIVE,
                    "Subgraph \"" + subgraph + "\": unknown directive @" + name + " on " + where
                            + " (neither a federation directive, nor imported by @link, nor defined in the subgraph)"));
        }
    }
}
