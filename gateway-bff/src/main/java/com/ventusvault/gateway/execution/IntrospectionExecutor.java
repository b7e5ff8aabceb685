package com.ventusvault.gateway.execution;

import com.ventusvault.gateway.errors.ErrorCode;
import com.ventusvault.gateway.errors.GraphQlErrors;
import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.introspection.GoodFaithIntrospection.BadFaithIntrospectionError;
import graphql.GraphQL;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.NodeUtil;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.GraphQLSchema;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Answers the root {@code __schema} and {@code __type} fields of an operation from the API schema with graphql-java,
 * so introspection never reaches a subgraph and shows exactly what clients may query.
 */
public final class IntrospectionExecutor {

    private final GraphQL graphql;
    private final ObjectMapper json;

    public IntrospectionExecutor(GraphQLSchema apiSchema, ObjectMapper json) {
        // the document was validated already; the filtered copy may leave fragments unused, so skip re-validation
        this.graphql = GraphQL.newGraphQL(apiSchema)
                .preparsedDocumentProvider((input, parse) -> CompletableFuture.completedFuture(
                        new PreparsedDocumentEntry((Document) input.getGraphQLContext().get(Document.class))))
                .build();
        this.json = json;
    }

    /**
     * The introspection answers as {@code {"data": {responseKey: ...}, "errors": [...]}}, or null when the operation
     * has no introspection root field. graphql-java's good-faith introspection limits stay on (LIMIT_EXCEEDED).
     */
    public ObjectNode answer(Document document, String operationName, Map<String, Object> variables) {
        OperationDefinition operation = NodeUtil.getOperation(document, operationName).operationDefinition;
        List<Selection> introspection = new ArrayList<>();
        for (Selection<?> selection : operation.getSelectionSet().getSelections()) {
            if (selection instanceof Field f && (f.getName().equals("__schema") || f.getName().equals("__type"))) {
                introspection.add(f);
            }
        }
        if (introspection.isEmpty()) {
            return null;
        }
        OperationDefinition only = operation.transform(b -> b.selectionSet(SelectionSet.newSelectionSet()
                .selections(introspection).build()));
        List<Definition> definitions = new ArrayList<>();
        for (Definition<?> definition : document.getDefinitions()) {
            definitions.add(definition == operation ? only : definition);
        }
        Document filtered = document.transform(b -> b.definitions(definitions));
        var result = graphql.execute(ExecutionInput.newExecutionInput("{__typename}")
                .operationName(operationName).variables(variables)
                .graphQLContext(Map.of(Document.class, filtered)).build());
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        Object data = result.getData();
        answer.set("data", data == null ? JsonNodeFactory.instance.objectNode() : json.valueToTree(data));
        ArrayNode errors = answer.putArray("errors");
        for (GraphQLError error : result.getErrors()) {
            ErrorCode code = error instanceof BadFaithIntrospectionError ? ErrorCode.LIMIT_EXCEEDED : ErrorCode.INTERNAL;
            errors.add(GraphQlErrors.error(code == ErrorCode.INTERNAL ? "Introspection failed" : error.getMessage(),
                    code));
        }
        return answer;
    }
}
