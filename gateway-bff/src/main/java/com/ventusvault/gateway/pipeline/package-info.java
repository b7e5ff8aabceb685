/**
 * The request path in one straight line, independent of the transport: document, planning, execution.
 * Transports (HTTP today, WebSocket later) hand a {@link com.ventusvault.gateway.document.GraphQlRequest} in and
 * get a {@link com.ventusvault.gateway.pipeline.GraphQlOutcome} back.
 */
package com.ventusvault.gateway.pipeline;
