package com.ventusvault.gateway.transport.http;

import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;

/**
 * Hands a response back to the event loop of the client connection it answers before it is written.
 *
 * <p>Subgraph responses complete on the subgraph client's event loop. Reactor Netty 1.3.6 (the version Spring Boot
 * 4.1.0 brings) stops reading a keep-alive connection when a response is completed off that connection's own loop
 * while the client has already pipelined its next request and the server answers that one at once (reactor-netty
 * issue 4361, fixed in 1.3.8, whose Netty natives are not on Maven Central here yet): the connection's next request
 * then waits forever. Writing every response from the connection's own loop closes that window. Remove this once the
 * BOM brings Reactor Netty 1.3.8 or later.
 */
public final class ConnectionThread {

    private ConnectionThread() {
    }

    /** A streamed response (SSE) whose parts are all delivered on the connection's event loop. */
    public static <T> Flux<T> deliverOnConnectionLoop(ServerRequest request, Flux<T> response) {
        Object nativeRequest = ServerHttpRequestDecorator.getNativeRequest(request.exchange().getRequest());
        if (nativeRequest instanceof Connection connection) {
            return response.publishOn(Schedulers.fromExecutor(connection.channel().eventLoop()), 1);
        }
        return response;
    }

    /** {@code response}, delivered on the event loop of the connection {@code request} arrived on. */
    public static <T> Mono<T> deliverOnConnectionLoop(ServerRequest request, Mono<T> response) {
        Object nativeRequest = ServerHttpRequestDecorator.getNativeRequest(request.exchange().getRequest());
        if (nativeRequest instanceof Connection connection) {
            Scheduler loop = Schedulers.fromExecutor(connection.channel().eventLoop());
            return response.publishOn(loop);
        }
        return response;
    }
}
