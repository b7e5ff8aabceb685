/**
 * GraphQL over Server-Sent Events, graphql-sse's "distinct connections" mode: {@code POST /graphql} with
 * {@code Accept: text/event-stream} answers with a stream of {@code next} events and one {@code complete}, for
 * subscriptions and for queries and mutations alike, through the shared
 * {@link com.ventusvault.gateway.pipeline.GraphQlPipeline}.
 */
package com.ventusvault.gateway.transport.sse;
