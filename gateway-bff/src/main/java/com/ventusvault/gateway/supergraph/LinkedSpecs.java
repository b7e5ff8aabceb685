package com.ventusvault.gateway.supergraph;

import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.Directive;
import graphql.language.SchemaDefinition;
import graphql.language.StringValue;
import graphql.language.Value;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The specifications a supergraph links with {@code @link} (join, link, inaccessible, tag, ...): which directive
 * and type names are federation machinery rather than API, and under which prefix the join spec lives.
 */
final class LinkedSpecs {

    private static final String APOLLO_SPECS = "https://specs.apollo.dev/";

    private final Set<String> prefixes = new HashSet<>();
    private final Set<String> directiveNames = new HashSet<>();
    private final String joinPrefix;
    private final String joinVersion;
    private final String inaccessible;

    private LinkedSpecs(List<Directive> links) {
        String join = null;
        String version = null;
        String inaccessibleName = "inaccessible";
        prefixes.add("link");
        directiveNames.add("link");
        for (Directive link : links) {
            String url = stringArgument(link, "url");
            if (url == null || !url.startsWith(APOLLO_SPECS)) {
                continue;
            }
            String[] parts = url.substring(APOLLO_SPECS.length()).split("/");
            if (parts.length < 2) {
                continue;
            }
            String name = stringArgument(link, "as") != null ? stringArgument(link, "as") : parts[0];
            prefixes.add(name);
            directiveNames.add(name);
            importedNames(link).forEach(directiveNames::add);
            if (parts[0].equals("join")) {
                join = name;
                version = parts[1];
            } else if (parts[0].equals("inaccessible")) {
                inaccessibleName = name;
            }
        }
        this.joinPrefix = join;
        this.joinVersion = version;
        this.inaccessible = inaccessibleName;
    }

    static LinkedSpecs of(SchemaDefinition schema) {
        return new LinkedSpecs(schema.getDirectives("link"));
    }

    /** The join directive or type name for {@code local}, e.g. {@code join__type}. */
    String join(String local) {
        return joinPrefix + "__" + local;
    }

    String joinVersion() {
        return joinVersion;
    }

    boolean hasJoin() {
        return joinPrefix != null;
    }

    String inaccessible() {
        return inaccessible;
    }

    /** Whether a directive of this name belongs to a linked Apollo spec. */
    boolean isMachineryDirective(String name) {
        if (directiveNames.contains(name)) {
            return true;
        }
        int sep = name.indexOf("__");
        return sep > 0 && prefixes.contains(name.substring(0, sep));
    }

    /** Whether a type of this name belongs to a linked Apollo spec. */
    boolean isMachineryType(String name) {
        int sep = name.indexOf("__");
        return sep > 0 && prefixes.contains(name.substring(0, sep));
    }

    private static List<String> importedNames(Directive link) {
        Argument imports = link.getArgument("import");
        if (imports == null || !(imports.getValue() instanceof ArrayValue array)) {
            return List.of();
        }
        return array.getValues().stream().map(LinkedSpecs::importName).filter(n -> n != null).toList();
    }

    private static String importName(Value<?> value) {
        if (value instanceof StringValue s) {
            return s.getValue().replace("@", "");
        }
        if (value instanceof graphql.language.ObjectValue o) {
            return o.getObjectFields().stream()
                    .filter(f -> f.getName().equals("as") || f.getName().equals("name"))
                    .map(f -> ((StringValue) f.getValue()).getValue().replace("@", ""))
                    .reduce((first, second) -> second).orElse(null);
        }
        return null;
    }

    static String stringArgument(Directive directive, String name) {
        Argument argument = directive.getArgument(name);
        return argument != null && argument.getValue() instanceof StringValue s ? s.getValue() : null;
    }
}
