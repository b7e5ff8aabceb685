package com.ventusvault.simulator.webhooks;

import com.ventusvault.simulator.Provider;
import com.ventusvault.simulator.config.SimulatorProperties;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts signed webhooks the way each provider does. Paystack: {@code x-paystack-signature} = hex HMAC-SHA512 of the
 * raw body keyed with the secret key. Flutterwave: {@code verif-hash} = the secret hash, and
 * {@code flutterwave-signature} = base64 HMAC-SHA256 of the raw body keyed with the secret hash. A delivery that does
 * not get a 2xx is retried ({@code webhook-attempts}, {@code webhook-retry-interval}). Every delivery is remembered.
 */
@Component
public class WebhookSender {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SimulatorProperties properties;
    private final WebClient client = WebClient.create();
    private final List<WebhookDelivery> deliveries = new ArrayList<>();
    private final Clock clock = Clock.systemUTC();

    public WebhookSender(SimulatorProperties properties) {
        this.properties = properties;
    }

    /** Sends the event (a JSON object) and completes when delivered or given up; never errors. */
    public Mono<WebhookDelivery> send(Provider provider, Map<String, Object> event) {
        String url = switch (provider) {
            case PAYSTACK -> properties.paystack().webhookUrl();
            case FLUTTERWAVE -> properties.flutterwave().webhookUrl();
            case TWILIO, SENDGRID -> throw new IllegalArgumentException(provider + " sends no payment webhooks");
        };
        byte[] body = JSON.writeValueAsBytes(event);
        Map<String, String> headers = signatureHeaders(provider, body);
        if (url == null || url.isBlank()) {
            return Mono.just(remember(new WebhookDelivery(provider, "", headers, utf8(body), 0, 0, clock.instant())));
        }
        return attempt(provider, url, headers, body, 1);
    }

    private Mono<WebhookDelivery> attempt(Provider provider, String url, Map<String, String> headers, byte[] body, int n) {
        return client.post().uri(url).contentType(MediaType.APPLICATION_JSON)
                .headers(h -> headers.forEach(h::set))
                .bodyValue(body)
                .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value()))
                .onErrorResume(e -> {
                    log.info("{} webhook to {} failed: {}", provider, url, e.toString());
                    return Mono.just(0);
                })
                .flatMap(status -> {
                    boolean delivered = status >= 200 && status < 300;
                    if (delivered || n >= properties.webhookAttempts()) {
                        return Mono.just(remember(new WebhookDelivery(provider, url, headers, utf8(body), n, status,
                                clock.instant())));
                    }
                    return Mono.delay(properties.webhookRetryInterval())
                            .then(attempt(provider, url, headers, body, n + 1));
                });
    }

    /** The headers a real provider would sign this body with. */
    public Map<String, String> signatureHeaders(Provider provider, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        switch (provider) {
            case PAYSTACK -> headers.put("x-paystack-signature",
                    HexFormat.of().formatHex(hmac("HmacSHA512", properties.paystack().secretKey(), body)));
            case FLUTTERWAVE -> {
                String hash = properties.flutterwave().secretHash();
                headers.put("verif-hash", hash);
                headers.put("flutterwave-signature",
                        Base64.getEncoder().encodeToString(hmac("HmacSHA256", hash, body)));
            }
            case TWILIO, SENDGRID -> throw new IllegalArgumentException(provider + " signs no payment webhooks");
        }
        return headers;
    }

    private static byte[] hmac(String algorithm, String key, byte[] body) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String utf8(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    private synchronized WebhookDelivery remember(WebhookDelivery delivery) {
        deliveries.add(delivery);
        return delivery;
    }

    /** Every delivery so far, oldest first. */
    public synchronized List<WebhookDelivery> deliveries() {
        return List.copyOf(deliveries);
    }
}
