package com.ventusvault.accounts.notifications.delivery;

import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * SMS through Twilio's Messages API: {@code POST {base}/2010-04-01/Accounts/{AccountSid}/Messages.json} with the form
 * fields {@code To}, {@code From} (or {@code MessagingServiceSid} when the sender is an {@code MG...} sid) and
 * {@code Body}, authenticated with HTTP basic (account sid, auth token). A 2xx answer carries the message sid
 * ({@code SM...}), kept as the provider message id.
 */
final class TwilioSms implements Courier {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    private final WebClient client;
    private final NotificationProperties.Twilio twilio;

    TwilioSms(WebClient.Builder builder, NotificationProperties.Twilio twilio) {
        this.twilio = twilio;
        this.client = builder.baseUrl(twilio.baseUrl().toString())
                .defaultHeaders(headers -> headers.setBasicAuth(twilio.accountSid(), twilio.authToken()))
                .build();
    }

    @Override
    public Mono<DeliveryResult> deliver(Outgoing notification) {
        String senderField = twilio.from().startsWith("MG") ? "MessagingServiceSid" : "From";
        return client.post()
                .uri("/2010-04-01/Accounts/{sid}/Messages.json", twilio.accountSid())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .accept(MediaType.APPLICATION_JSON)
                .body(BodyInserters.fromFormData("To", notification.recipient())
                        .with(senderField, twilio.from())
                        .with("Body", notification.body()))
                .exchangeToMono(response -> response.statusCode().is2xxSuccessful()
                        ? response.bodyToMono(JSON).map(message -> (DeliveryResult) new DeliveryResult.Delivered(
                                message.get("sid") instanceof String sid ? sid : null))
                        : response.bodyToMono(String.class).defaultIfEmpty("")
                                .map(body -> ProviderAnswers.failed("Twilio", response.statusCode(), body)));
    }
}
