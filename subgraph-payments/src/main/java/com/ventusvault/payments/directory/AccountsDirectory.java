package com.ventusvault.payments.directory;

import com.ventusvault.payments.config.PaymentsProperties;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Finds users by email through accounts: {@code POST {accounts-url}/internal/users/lookup} with {@code {"email": ...}},
 * forwarding the caller's {@code Authorization} header (accounts decides who may look up whom). 200
 * {@code {"id": "<uuid>"}} is the user, 404 means no such user; anything else is an error.
 */
@Component
public class AccountsDirectory {

    private final WebClient client;
    private final PaymentsProperties properties;

    public AccountsDirectory(PaymentsProperties properties) {
        this.client = WebClient.builder().baseUrl(properties.accountsUrl().toString()).build();
        this.properties = properties;
    }

    /** The id of the user with this email, or empty when accounts knows no such user. */
    public Mono<Optional<UUID>> userIdByEmail(String email, String authorization) {
        return client.post().uri("/internal/users/lookup")
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    if (authorization != null) {
                        headers.set(HttpHeaders.AUTHORIZATION, authorization);
                    }
                })
                .bodyValue(Map.of("email", email))
                .exchangeToMono(response -> {
                    if (response.statusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
                        return response.releaseBody().thenReturn(Optional.<UUID>empty());
                    }
                    if (response.statusCode().isSameCodeAs(HttpStatus.OK)) {
                        return response.bodyToMono(LookupResponse.class).map(body -> Optional.of(UUID.fromString(body.id())));
                    }
                    return response.createError();
                })
                .timeout(properties.accountsTimeout());
    }

    /** The body accounts answers a successful lookup with. */
    record LookupResponse(String id) {
    }
}
