package com.ventusvault.gateway.transport.websocket;

import com.ventusvault.gateway.execution.ForwardedHeaders;
import com.ventusvault.gateway.limits.DocumentLimits;
import com.ventusvault.gateway.limits.RequestLimitsFilter;
import com.ventusvault.gateway.limits.SubscriptionLimits;
import com.ventusvault.gateway.pipeline.GraphQlPipeline;
import com.ventusvault.gateway.transport.http.Forwarding;
import com.ventusvault.gateway.transport.http.RequestIdFilter;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GraphQL over WebSocket on {@code /graphql}: graphql-transport-ws or the legacy graphql-ws, whichever subprotocol the
 * client asks for (graphql-transport-ws when it offers both). A client that offers neither is closed with 4406. The
 * upgrade request has already passed the limits stage's filter (rate limit, {@code Origin} check) and the request id
 * filter; their results reach the session as attributes.
 */
public final class GraphQlWebSocketHandler implements WebSocketHandler {

    private static final List<String> SUBPROTOCOLS = List.of(GraphQlTransportWsProtocol.NAME,
            LegacyGraphQlWsProtocol.NAME);

    private final SocketServices services;
    private final Set<GraphQlSocket> open = ConcurrentHashMap.newKeySet();

    /**
     * @param documentLimits checked for each operation before the pipeline runs it, or null for none
     * @param initTimeout    how long a connection may go without sending {@code connection_init} (4408)
     * @param keepAlive      how often keep-alives go to an acknowledged connection; zero for never
     * @param maxQueued      how many messages may wait for a client that does not read them (then 1013)
     */
    public GraphQlWebSocketHandler(GraphQlPipeline pipeline, DocumentLimits documentLimits,
                                   SubscriptionLimits subscriptionLimits, ObjectMapper json, Duration initTimeout,
                                   Duration keepAlive, int maxQueued) {
        this.services = new SocketServices(pipeline, documentLimits, subscriptionLimits, json, initTimeout, keepAlive,
                maxQueued);
    }

    @Override
    public List<String> getSubProtocols() {
        return SUBPROTOCOLS;
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        HandshakeInfo handshake = session.getHandshakeInfo();
        WebSocketProtocol protocol = WebSocketProtocol.of(handshake.getSubProtocol(), services.json());
        if (protocol == null) {
            return session.close(CloseCode.SUBPROTOCOL_NOT_ACCEPTABLE.status());
        }
        String clientIp = (String) session.getAttributes().get(RequestLimitsFilter.CLIENT_IP);
        String requestId = (String) session.getAttributes().get(RequestIdFilter.ATTRIBUTE);
        ForwardedHeaders forwarded = Forwarding.of(requestId,
                handshake.getHeaders().getValuesAsList(Forwarding.FORWARDED_FOR), handshake.getRemoteAddress());
        GraphQlSocket socket = new GraphQlSocket(session, protocol, services, clientIp, forwarded);
        open.add(socket);
        return socket.run().doFinally(signal -> open.remove(socket));
    }

    /**
     * Closes every connection with 1001 (going away), cancelling their subscriptions: called when the gateway stops,
     * before the web server's graceful shutdown, which would otherwise wait for the sockets until its timeout.
     */
    public void closeAll() {
        open.forEach(GraphQlSocket::goingAway);
    }

    /** How many client connections are open (for tests and diagnostics). */
    public int connections() {
        return open.size();
    }
}
