/**
 * The request path in one straight line, independent of the transport: document, planning, execution.
 * Transports (HTTP, WebSocket, SSE) hand a {@link com.ventusvault.gateway.document.GraphQlRequest} in and get a
 * {@link com.ventusvault.gateway.pipeline.GraphQlOutcome} back ({@code execute}), or, where a subscription may answer
 * with many results, a {@link com.ventusvault.gateway.pipeline.StreamedOutcome} ({@code stream}).
 */
package com.ventusvault.gateway.pipeline;
