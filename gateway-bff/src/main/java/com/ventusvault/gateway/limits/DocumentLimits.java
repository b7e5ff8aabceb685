package com.ventusvault.gateway.limits;

import com.ventusvault.gateway.errors.ErrorCode;
import com.ventusvault.gateway.errors.GraphQlErrors;
import graphql.language.Document;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.parser.exceptions.ParseCancelledTooDeepException;
import graphql.parser.exceptions.ParseCancelledTooManyCharsException;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The document limits: tokens (counted by the parser, which stops at the limit), depth, aliases, directives, cost and
 * the introspection switch, judged on the document text before validation and planning. Verdicts are cached per
 * document text (bounded, least recently used out), so a document the gateway has seen costs one map lookup. A
 * document that does not parse passes: the document stage reports its syntax error.
 */
public final class DocumentLimits {

    private final LimitsProperties.QueryProperties limits;
    private final boolean introspection;
    private final DocumentMeasure measure;
    private final ParserOptions parserOptions;
    private final Map<String, List<ObjectNode>> verdicts;

    /**
     * @param limits        the configured limits
     * @param introspection whether {@code __schema} and {@code __type} may be queried
     */
    public DocumentLimits(LimitsProperties.QueryProperties limits, boolean introspection) {
        this.limits = limits;
        this.introspection = introspection;
        this.measure = new DocumentMeasure(limits);
        ParserOptions.Builder options = ParserOptions.newParserOptions().captureSourceLocation(false)
                .captureIgnoredChars(false).captureLineComments(false);
        if (limits.maxTokens() > 0) {
            options.maxTokens(limits.maxTokens());
        }
        this.parserOptions = options.build();
        int size = limits.cacheSize();
        this.verdicts = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, List<ObjectNode>> eldest) {
                return size() > size;
            }
        });
    }

    /**
     * The errors for every limit {@code query} breaks, empty when it breaks none. The returned nodes are shared:
     * callers copy them before changing them.
     */
    public List<ObjectNode> check(String query) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        List<ObjectNode> verdict = verdicts.get(query);
        if (verdict == null) {
            verdict = judge(query);
            verdicts.put(query, verdict);
        }
        return verdict;
    }

    private List<ObjectNode> judge(String query) {
        Document document;
        try {
            document = Parser.parse(ParserEnvironment.newParserEnvironment().document(query)
                    .parserOptions(parserOptions).build());
        } catch (ParseCancelledTooDeepException e) {
            return List.of(GraphQlErrors.error("The document is nested too deeply to parse",
                    ErrorCode.MAX_DEPTH_EXCEEDED));
        } catch (ParseCancelledTooManyCharsException e) {
            return List.of(GraphQlErrors.error("The document is too long", ErrorCode.MAX_TOKENS_EXCEEDED));
        } catch (ParseCancelledException e) {
            return List.of(GraphQlErrors.error("Token limit of " + limits.maxTokens() + " exceeded",
                    ErrorCode.MAX_TOKENS_EXCEEDED));
        } catch (InvalidSyntaxException e) {
            return List.of();
        }
        DocumentMeasure.Figures figures = measure.measure(document);
        List<ObjectNode> errors = new ArrayList<>();
        if (limits.maxDepth() > 0 && figures.depth() > limits.maxDepth()) {
            errors.add(GraphQlErrors.error("Query depth limit of " + limits.maxDepth() + " exceeded, found "
                    + figures.depth(), ErrorCode.MAX_DEPTH_EXCEEDED));
        }
        if (limits.maxAliases() > 0 && figures.aliases() > limits.maxAliases()) {
            errors.add(GraphQlErrors.error("Aliases limit of " + limits.maxAliases() + " exceeded, found "
                    + figures.aliases(), ErrorCode.MAX_ALIASES_EXCEEDED));
        }
        if (limits.maxDirectives() > 0 && figures.directives() > limits.maxDirectives()) {
            errors.add(GraphQlErrors.error("Directives limit of " + limits.maxDirectives() + " exceeded, found "
                    + figures.directives(), ErrorCode.MAX_DIRECTIVES_EXCEEDED));
        }
        if (limits.maxCost() > 0 && figures.cost() > limits.maxCost()) {
            errors.add(GraphQlErrors.error("Query cost limit of " + limits.maxCost() + " exceeded, found "
                    + (long) Math.min(figures.cost(), Long.MAX_VALUE), ErrorCode.MAX_COST_EXCEEDED));
        }
        if (!introspection && figures.introspects()) {
            errors.add(GraphQlErrors.error("GraphQL introspection is disabled", ErrorCode.INTROSPECTION_DISABLED));
        }
        return List.copyOf(errors);
    }
}
