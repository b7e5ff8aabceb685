package com.ventusvault.payments.graphql;

import com.ventusvault.platform.security.ServiceSignature;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/** Markets' side of {@code POST /internal/trades} for the tests: instruction bodies, signed or not, sent over HTTP. */
final class TradeInstructions {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private TradeInstructions() {
    }

    /** An instruction as markets sends it (fee in the sell currency), as a mutable map for tests that break it. */
    static Map<String, Object> fields(UUID tradeId, UUID quoteId, UUID user, String sell, String sellCurrency, String buy,
                                      String buyCurrency, String fee, Instant expiresAt) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("tradeId", tradeId.toString());
        fields.put("quoteId", quoteId.toString());
        fields.put("userId", user.toString());
        fields.put("idempotencyKey", "key-" + tradeId);
        fields.put("sell", new LinkedHashMap<>(Map.of("amount", sell, "currency", sellCurrency)));
        fields.put("buy", new LinkedHashMap<>(Map.of("amount", buy, "currency", buyCurrency)));
        fields.put("fee", new LinkedHashMap<>(Map.of("amount", fee, "currency", sellCurrency)));
        fields.put("rate", new BigDecimal(buy).divide(new BigDecimal(sell), MathContext.DECIMAL64).toPlainString());
        fields.put("expiresAt", expiresAt.toString());
        return fields;
    }

    static String instruction(UUID tradeId, UUID quoteId, UUID user, String sell, String sellCurrency, String buy,
                              String buyCurrency, String fee, Instant expiresAt) {
        return JSON.writeValueAsString(fields(tradeId, quoteId, user, sell, sellCurrency, buy, buyCurrency, fee, expiresAt));
    }

    /** Sends {@code body} signed by {@code signatures} (null: unsigned). */
    static WebTestClient.ResponseSpec post(int port, byte[] body, String signature) {
        WebTestClient.RequestBodySpec request = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build()
                .post().uri("/internal/trades").contentType(MediaType.APPLICATION_JSON);
        if (signature != null) {
            request = request.header(ServiceSignature.HEADER, signature);
        }
        return request.bodyValue(body).exchange();
    }

    static WebTestClient.ResponseSpec send(int port, String body, ServiceSignature signatures) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return post(port, bytes, signatures.sign(bytes));
    }
}
