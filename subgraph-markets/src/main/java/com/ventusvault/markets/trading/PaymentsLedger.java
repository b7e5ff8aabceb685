package com.ventusvault.markets.trading;

import com.ventusvault.markets.domain.Asset;
import com.ventusvault.platform.security.ServiceSignature;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks payments to post a trade: {@code POST {payments-url}/internal/trades} with the instruction signed by the secret
 * markets and payments share ({@link ServiceSignature}). Payments answers the same trade id the same way every time,
 * so asking again after a lost answer is safe.
 */
@Component
public class PaymentsLedger {

    private static final Logger log = LoggerFactory.getLogger(PaymentsLedger.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What payments said, or that it could not be asked. */
    public sealed interface Answer {
        /** Posted: the sell and buy legs. */
        record Completed(UUID sellTransferId, UUID buyTransferId) implements Answer {
        }

        /** Refused by the ledger (QUOTE_EXPIRED, INSUFFICIENT_FUNDS, WALLET_NOT_FOUND), for good. */
        record Failed(String code, String message) implements Answer {
        }

        /** No answer (down, slow, 5xx): the trade may or may not be posted; ask again with the same trade id. */
        record Unavailable(String reason) implements Answer {
        }
    }

    private final WebClient client;
    private final ServiceSignature signatures;
    private final Duration timeout;

    PaymentsLedger(TradingProperties properties, Clock clock, @Value("${ventus.internal.secret}") String secret) {
        this.client = WebClient.builder().baseUrl(properties.paymentsUrl().toString()).build();
        this.signatures = new ServiceSignature(secret, clock, Duration.ofMinutes(5));
        this.timeout = properties.paymentsTimeout();
    }

    public Mono<Answer> post(StoredTrade trade, StoredQuote quote) {
        QuoteTerms terms = quote.terms();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tradeId", trade.id().toString());
        body.put("quoteId", quote.id().toString());
        body.put("userId", trade.userId().toString());
        body.put("idempotencyKey", trade.idempotencyKey());
        body.put("sell", money(terms.sell(), terms.from()));
        body.put("buy", money(terms.buy(), terms.to()));
        body.put("fee", money(terms.fee(), terms.from()));
        body.put("rate", terms.rate().toPlainString());
        body.put("expiresAt", quote.expiresAt().toString());
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        return client.post().uri("/internal/trades")
                .contentType(MediaType.APPLICATION_JSON)
                .header(ServiceSignature.HEADER, signatures.sign(bytes))
                .bodyValue(bytes)
                .exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("").map(text -> {
                    if (response.statusCode().is2xxSuccessful()) {
                        return read(JSON.readTree(text));
                    }
                    if (response.statusCode().is5xxServerError()) {
                        return (Answer) new Answer.Unavailable("payments answered " + response.statusCode().value());
                    }
                    // 400/401/409: our instruction is wrong (a bug or a misconfigured secret), not the user's doing.
                    throw new IllegalStateException("payments refused trade " + trade.id() + " with HTTP "
                            + response.statusCode().value() + ": " + text);
                }))
                .timeout(timeout)
                .onErrorResume(error -> !(error instanceof IllegalStateException), error -> {
                    log.warn("Trade {}: no answer from payments ({}); the trade stays INITIATED", trade.id(), error.toString());
                    return Mono.just(new Answer.Unavailable(error.toString()));
                });
    }

    /**
     * {@code {"amount": ..., "currency": ...}} in that order, as the contract shows it: the same trade gives the same
     * bytes in every JVM ({@code Map.of}'s iteration order changes from one JVM to the next).
     */
    private static Map<String, String> money(BigDecimal amount, Asset currency) {
        Map<String, String> money = new LinkedHashMap<>();
        money.put("amount", amount.toPlainString());
        money.put("currency", currency.name());
        return money;
    }

    private static Answer read(JsonNode answer) {
        if ("COMPLETED".equals(answer.path("status").asString())) {
            return new Answer.Completed(UUID.fromString(answer.path("sellTransferId").asString()),
                    UUID.fromString(answer.path("buyTransferId").asString()));
        }
        return new Answer.Failed(answer.path("failure").path("code").asString(),
                answer.path("failure").path("message").asString());
    }
}
