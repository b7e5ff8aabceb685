package com.ventusvault.accounts.notifications.delivery;

import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Email through Twilio SendGrid's v3 API: {@code POST {base}/v3/mail/send} with {@code Authorization: Bearer <key>}
 * and one personalization (the recipient), the sender, the subject and a {@code text/plain} body. SendGrid answers
 * 202 with no body and the message id in {@code X-Message-Id}, kept as the provider message id.
 */
final class SendGridEmail implements Courier {

    private final WebClient client;
    private final NotificationProperties.Sendgrid sendgrid;

    SendGridEmail(WebClient.Builder builder, NotificationProperties.Sendgrid sendgrid) {
        this.sendgrid = sendgrid;
        this.client = builder.baseUrl(sendgrid.baseUrl().toString())
                .defaultHeaders(headers -> headers.setBearerAuth(sendgrid.apiKey()))
                .build();
    }

    @Override
    public Mono<DeliveryResult> deliver(Outgoing notification) {
        Map<String, Object> mail = Map.of(
                "personalizations", List.of(Map.of("to", List.of(Map.of("email", notification.recipient())))),
                "from", Map.of("email", sendgrid.from(), "name", sendgrid.fromName()),
                "subject", notification.subject() == null || notification.subject().isBlank()
                        ? "VentusVault" : notification.subject(),
                "content", List.of(Map.of("type", "text/plain", "value", notification.body())));
        return client.post()
                .uri("/v3/mail/send")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(mail)
                .exchangeToMono(response -> response.statusCode().is2xxSuccessful()
                        ? response.releaseBody().thenReturn((DeliveryResult) new DeliveryResult.Delivered(
                                response.headers().asHttpHeaders().getFirst("X-Message-Id")))
                        : response.bodyToMono(String.class).defaultIfEmpty("")
                                .map(body -> ProviderAnswers.failed("SendGrid", response.statusCode(), body)));
    }
}
