package com.ventusvault.gateway.transport.http;

import com.ventusvault.gateway.supergraph.Supergraph;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** GraphiQL at {@code /graphiql} (pointing at {@code /graphql}) and {@code /health}. */
public final class GatewayPages {

    private final byte[] graphiql;
    private final Supergraph supergraph;

    public GatewayPages(Supergraph supergraph) {
        this.supergraph = supergraph;
        try {
            this.graphiql = new ClassPathResource("gateway/graphiql.html").getContentAsByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Mono<ServerResponse> graphiql(ServerRequest request) {
        return ServerResponse.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .bodyValue(graphiql);
    }

    /** 200 once the supergraph is loaded (the context does not start without one). */
    public Mono<ServerResponse> health(ServerRequest request) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", "UP", "subgraphs", supergraph.subgraphs().keySet()));
    }
}
