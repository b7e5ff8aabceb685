package com.ventusvault.schema.composition.subgraph;

import com.ventusvault.schema.composition.CompositionError;
import com.ventusvault.schema.composition.CompositionErrorCode;
import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.SDLDefinition;
import graphql.language.SchemaDefinition;
import graphql.language.StringValue;
import graphql.language.Value;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the names under which a subgraph may use federation directives, from its
 * {@code extend schema @link(url: "https://specs.apollo.dev/federation/v2.x", import: [...])}.
 *
 * <p>Imported directives are usable under their plain (or {@code as}-renamed) name, every other federation directive
 * under its namespaced name ({@code @federation__key}, or {@code @<as>__key} when the link has {@code as:}). A subgraph
 * without a federation link is treated leniently, as Federation 1: every federation directive is usable under its
 * plain name (see {@link #federationOneStyle()}).
 * Directives imported from other linked specs are accepted and not carried into the supergraph.
 */
final class FederationImports {

    /** Directives of the federation v2 spec, by canonical name. */
    static final Set<String> FEDERATION_DIRECTIVES = Set.of(
            "key", "requires", "provides", "external", "shareable", "override", "inaccessible", "tag", "extends",
            "interfaceObject", "composeDirective", "authenticated", "requiresScopes", "policy", "context",
            "fromContext", "cost", "listSize");

    private static final Pattern SPEC_URL = Pattern.compile("https?://[^/]+(?:/.*)?/([A-Za-z_][A-Za-z0-9_-]*)/v(\\d+)\\.(\\d+)/?");

    private final Map<String, String> localToCanonical = new HashMap<>();
    private final Set<String> otherSpecDirectives = new HashSet<>();
    private final Set<String> otherSpecPrefixes = new HashSet<>();
    private boolean federationLinked;

    private FederationImports() {
    }

    static FederationImports read(Document document, String subgraph, List<CompositionError> errors) {
        FederationImports imports = new FederationImports();
        for (SDLDefinition<?> definition : document.getDefinitionsOfType(SDLDefinition.class)) {
            if (definition instanceof SchemaDefinition schema) {
                for (Directive directive : schema.getDirectives("link")) {
                    imports.readLink(directive, subgraph, errors);
                }
            }
        }
        if (!imports.federationLinked) {
            FEDERATION_DIRECTIVES.forEach(name -> imports.localToCanonical.put(name, name));
        }
        return imports;
    }

    /**
     * No federation {@code @link}: a Federation 1 style subgraph. Like Apollo's upgrade of such subgraphs, every field
     * is then shareable, and {@code @external} on key fields of an extension only restates the key.
     */
    boolean federationOneStyle() {
        return !federationLinked;
    }

    /** The canonical federation directive name for a directive as used in this subgraph, or {@code null}. */
    String canonical(String localName) {
        return localToCanonical.get(localName);
    }

    /** A directive imported (or namespaced) from a non-federation spec linked by this subgraph. */
    boolean isOtherSpecDirective(String localName) {
        if (otherSpecDirectives.contains(localName)) {
            return true;
        }
        return otherSpecPrefixes.stream().anyMatch(prefix -> localName.startsWith(prefix + "__"));
    }

    /** A name that would be a federation directive had it been imported: used for a helpful error. */
    static boolean looksLikeFederationDirective(String localName) {
        String bare = localName.startsWith("federation__") ? localName.substring("federation__".length()) : localName;
        return FEDERATION_DIRECTIVES.contains(bare);
    }

    private void readLink(Directive link, String subgraph, List<CompositionError> errors) {
        String url = stringArgument(link, "url");
        if (url == null) {
            errors.add(CompositionError.of(CompositionErrorCode.INVALID_GRAPHQL,
                    "Subgraph \"" + subgraph + "\": @link is missing its url argument"));
            return;
        }
        Matcher matcher = SPEC_URL.matcher(url);
        if (!matcher.matches()) {
            errors.add(CompositionError.of(CompositionErrorCode.INVALID_GRAPHQL,
                    "Subgraph \"" + subgraph + "\": @link(url: \"" + url + "\") is not a spec URL of the form .../<name>/v<major>.<minor>"));
            return;
        }
        String specName = matcher.group(1);
        String as = stringArgument(link, "as");
        String prefix = as != null ? as : specName;
        boolean federation = url.contains("specs.apollo.dev/federation/");
        if (specName.equals("link")) {
            return;
        }
        if (federation) {
            federationLinked = true;
            if (!matcher.group(2).equals("2")) {
                errors.add(CompositionError.of(CompositionErrorCode.INVALID_GRAPHQL,
                        "Subgraph \"" + subgraph + "\": only Federation 2 is supported, but @link imports " + url));
            }
            FEDERATION_DIRECTIVES.forEach(name -> localToCanonical.put(prefix + "__" + name, name));
        } else {
            otherSpecPrefixes.add(prefix);
        }
        for (Value<?> entry : importEntries(link)) {
            readImport(entry, federation, url, subgraph, errors);
        }
    }

    private void readImport(Value<?> entry, boolean federation, String url, String subgraph, List<CompositionError> errors) {
        String name;
        String as;
        if (entry instanceof StringValue string) {
            name = string.getValue();
            as = name;
        } else if (entry instanceof ObjectValue object) {
            name = objectString(object, "name");
            as = objectString(object, "as");
            if (as == null) {
                as = name;
            }
        } else {
            errors.add(CompositionError.of(CompositionErrorCode.INVALID_GRAPHQL,
                    "Subgraph \"" + subgraph + "\": @link(url: \"" + url + "\") has an import that is neither a string nor {name, as}"));
            return;
        }
        if (name == null || !name.startsWith("@")) {
            return; // an imported type name such as "FieldSet": nothing to resolve
        }
        String bare = name.substring(1);
        String local = as.startsWith("@") ? as.substring(1) : as;
        if (!federation) {
            otherSpecDirectives.add(local);
        } else if (FEDERATION_DIRECTIVES.contains(bare)) {
            localToCanonical.put(local, bare);
        } else {
            errors.add(CompositionError.of(CompositionErrorCode.UNKNOWN_FEDERATION_DIRECTIVE,
                    "Subgraph \"" + subgraph + "\": @link imports \"" + name + "\" from " + url
                            + ", but the federation spec defines no such directive"));
        }
    }

    private static List<Value> importEntries(Directive link) {
        Argument imports = link.getArgument("import");
        if (imports == null) {
            return List.of();
        }
        if (imports.getValue() instanceof ArrayValue array) {
            return array.getValues();
        }
        return List.of(imports.getValue());
    }

    private static String stringArgument(Directive directive, String name) {
        Argument argument = directive.getArgument(name);
        return argument != null && argument.getValue() instanceof StringValue string ? string.getValue() : null;
    }

    private static String objectString(ObjectValue object, String name) {
        for (ObjectField field : object.getObjectFields()) {
            if (field.getName().equals(name) && field.getValue() instanceof StringValue string) {
                return string.getValue();
            }
        }
        return null;
    }
}
