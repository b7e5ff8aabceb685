package com.ventusvault.payments.trades;

import com.ventusvault.payments.audit.AuditOrigin;
import com.ventusvault.platform.security.ServiceSignature;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /internal/trades}: markets' instruction to post a trade. Only markets may send it, so the body must be
 * signed with the secret the two share ({@link ServiceSignature}, checked over the exact bytes received): a missing or
 * bad signature is 401 and changes nothing. A malformed instruction is 400; the same trade id (or quote) with another
 * instruction 409; otherwise 200 with the trade's answer, the same for every repetition.
 */
@Configuration(proxyBeanMethods = false)
class TradeRoutes {

    private static final Logger log = LoggerFactory.getLogger(TradeRoutes.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration SIGNATURE_TOLERANCE = Duration.ofMinutes(5);

    @Bean
    RouterFunction<ServerResponse> internalTradeRoute(TradeLedger ledger, Clock clock,
                                               @Value("${ventus.internal.secret}") String secret) {
        ServiceSignature signatures = new ServiceSignature(secret, clock, SIGNATURE_TOLERANCE);
        return RouterFunctions.route()
                .POST("/internal/trades", request -> request.bodyToMono(byte[].class).defaultIfEmpty(new byte[0])
                        .flatMap(body -> receive(request, body, signatures, ledger)))
                .build();
    }

    private static Mono<ServerResponse> receive(ServerRequest request, byte[] body, ServiceSignature signatures,
                                                TradeLedger ledger) {
        if (!signatures.verify(request.headers().firstHeader(ServiceSignature.HEADER), body)) {
            log.warn("Refused a trade instruction with a missing or invalid signature ({} bytes)", body.length);
            return error(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "The instruction is not signed by markets");
        }
        TradeInstruction trade;
        try {
            trade = TradeInstruction.parse(JSON.readTree(body));
        } catch (JacksonException e) {
            return error(HttpStatus.BAD_REQUEST, "BAD_REQUEST", "The body is not JSON");
        } catch (IllegalArgumentException e) {
            return error(HttpStatus.BAD_REQUEST, "BAD_REQUEST", e.getMessage());
        }
        return ledger.execute(trade)
                .contextWrite(new AuditOrigin(trade.userId(), request.headers().firstHeader("X-Request-Id"), null).context())
                .flatMap(answer -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(answer))
                .onErrorResume(TradeLedger.Mismatch.class, e -> error(HttpStatus.CONFLICT, "TRADE_MISMATCH", e.getMessage()));
    }

    private static Mono<ServerResponse> error(HttpStatus status, String code, String message) {
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("code", code, "message", message));
    }
}
