package com.ventusvault.gateway.transport.websocket;

import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.server.RequestUpgradeStrategy;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Upgrades a request to a WebSocket with another strategy (Reactor Netty's), handing the exchange attributes whose
 * names pass {@code names} to the WebSocket session: what the gateway's filters found out about the upgrade request
 * (its request id, the client IP the rate limits charge). Spring's own session-attribute option copies WebSession
 * attributes only, and a WebSession per connection would be a cost for nothing.
 */
public final class AttributeCarryingUpgrade implements RequestUpgradeStrategy {

    private final RequestUpgradeStrategy delegate;
    private final Predicate<String> names;

    public AttributeCarryingUpgrade(RequestUpgradeStrategy delegate, Predicate<String> names) {
        this.delegate = delegate;
        this.names = names;
    }

    @Override
    public Mono<Void> upgrade(ServerWebExchange exchange, WebSocketHandler handler, String subProtocol,
                              Supplier<HandshakeInfo> handshakeInfoFactory) {
        return delegate.upgrade(exchange, handler, subProtocol, () -> {
            HandshakeInfo info = handshakeInfoFactory.get();
            Map<String, Object> attributes = new HashMap<>(info.getAttributes());
            exchange.getAttributes().forEach((name, value) -> {
                if (names.test(name)) {
                    attributes.put(name, value);
                }
            });
            return new HandshakeInfo(info.getUri(), info.getHeaders(), info.getCookies(), info.getPrincipal(),
                    info.getSubProtocol(), info.getRemoteAddress(), attributes, info.getLogPrefix());
        });
    }
}
