package com.ventusvault.schema.composition;

import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped supergraph is a valid GraphQL schema that graphql-java (and so our gateway) can build. */
class SupergraphIsLoadableTests {

    @Test
    void classpathSupergraphBuildsAsGraphQLSchema() {
        TypeDefinitionRegistry registry = new SchemaParser().parse(SupergraphFiles.classpathSupergraph());
        GraphQLSchema schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);

        assertThat(schema.getQueryType().getFieldDefinition("me")).isNotNull();
        assertThat(schema.getMutationType().getFieldDefinition("sendMoney")).isNotNull();
        GraphQLObjectType user = schema.getObjectType("User");
        assertThat(user.getFieldDefinition("insights").getAppliedDirectives("join__field")).hasSize(1);
        assertThat(schema.getDirective("join__type")).isNotNull();
    }
}
