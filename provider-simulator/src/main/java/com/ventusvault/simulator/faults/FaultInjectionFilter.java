package com.ventusvault.simulator.faults;

import com.ventusvault.simulator.Provider;
import java.nio.charset.StandardCharsets;
import org.reactivestreams.Publisher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;

/**
 * Applies {@link FaultRules} to provider requests. Before processing (the default), the request never reaches the
 * provider: it waits the latency, then gets the status or a dropped connection. After processing, the provider does
 * its work (a transfer is queued) and only the answer is delayed, replaced or cut off.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class FaultInjectionFilter implements WebFilter {

    private final FaultRules rules;

    FaultInjectionFilter(FaultRules rules) {
        this.rules = rules;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        for (Provider provider : Provider.values()) {
            if (path.startsWith(provider.prefix() + "/")) {
                Operation operation = Operation.of(exchange.getRequest().getMethod(),
                        path.substring(provider.prefix().length()));
                var decision = operation == null ? null : rules.decide(provider, operation).orElse(null);
                return decision == null ? chain.filter(exchange) : apply(decision, exchange, chain);
            }
        }
        return chain.filter(exchange);
    }

    private Mono<Void> apply(FaultRules.Decision decision, ServerWebExchange exchange, WebFilterChain chain) {
        if (!decision.afterProcessing()) {
            return Mono.delay(decision.latency())
                    .then(decision.fails() ? fail(decision, exchange, exchange.getResponse()) : chain.filter(exchange));
        }
        ServerHttpResponseDecorator delayed = new ServerHttpResponseDecorator(exchange.getResponse()) {
            @Override
            public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
                return Mono.delay(decision.latency()).then(decision.fails()
                        ? Flux.from(body).doOnNext(org.springframework.core.io.buffer.DataBufferUtils::release)
                        .then(fail(decision, exchange, getDelegate()))
                        : super.writeWith(body));
            }
        };
        return chain.filter(exchange.mutate().response(delayed).build());
    }

    private static Mono<Void> fail(FaultRules.Decision decision, ServerWebExchange exchange, ServerHttpResponse response) {
        if (decision.drop()) {
            Object nativeRequest = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
            if (nativeRequest instanceof Connection connection) {
                connection.channel().close();
            }
            return Mono.empty();
        }
        response.setStatusCode(HttpStatus.valueOf(decision.status()));
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        if (decision.status() == 429) {
            response.getHeaders().set("Retry-After", "1");
        }
        byte[] body = ("{\"status\":false,\"message\":\"Simulated fault: HTTP " + decision.status() + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
