/**
 * GraphQL over WebSocket on {@code /graphql}: the graphql-transport-ws protocol (the graphql-ws library's) and the
 * legacy graphql-ws protocol (subscriptions-transport-ws, graphql_flutter's default), chosen by the subprotocol the
 * client asks for. Both authenticate the connection once, from {@code connection_init}, run every operation (queries,
 * mutations, subscriptions) through the shared {@link com.ventusvault.gateway.pipeline.GraphQlPipeline}, and close
 * with graphql-ws's close codes ({@link com.ventusvault.gateway.transport.websocket.CloseCode}).
 */
package com.ventusvault.gateway.transport.websocket;
