/**
 * GraphQL over HTTP (graphql.github.io/graphql-over-http): POST with JSON, GET for queries, media types and status
 * codes; plus GraphiQL and a health endpoint.
 */
package com.ventusvault.gateway.transport.http;
