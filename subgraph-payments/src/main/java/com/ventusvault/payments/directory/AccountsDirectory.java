package com.ventusvault.payments.directory;

import com.ventusvault.payments.config.PaymentsProperties;
import com.ventusvault.platform.errors.ApiException;
import com.ventusvault.platform.errors.ErrorCode;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;

/**
 * Finds users by email through accounts: {@code POST {accounts-url}/internal/users/lookup} with {@code {"email": ...}},
 * forwarding the caller's {@code Authorization} header (accounts decides who may look up whom). 200
 * {@code {"id": "<uuid>"}} is the user, 404 means no such user. A 401 (accounts refused the token) is UNAUTHENTICATED;
 * a timeout, a connection failure or a 5xx is INTERNAL with {@link #UNAVAILABLE}: nothing was written yet, so the
 * client may retry with the same idempotencyKey. Any other answer is a bug between the two apps (plain INTERNAL).
 */
@Component
public class AccountsDirectory {

    /** The message of the error a send by email fails with while accounts cannot answer. */
    public static final String UNAVAILABLE = "accounts is unavailable; retry with the same idempotencyKey";

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
                    if (response.statusCode().isSameCodeAs(HttpStatus.UNAUTHORIZED)) {
                        return response.releaseBody().then(Mono.error(new ApiException(ErrorCode.UNAUTHENTICATED,
                                "accounts refused the access token while looking up toEmail: sign in again")));
                    }
                    if (response.statusCode().is5xxServerError()) {
                        return response.releaseBody().then(Mono.error(unavailable()));
                    }
                    return response.createError();
                })
                .timeout(properties.accountsTimeout())
                .onErrorMap(e -> e instanceof TimeoutException || e instanceof WebClientRequestException,
                        e -> unavailable());
    }

    private static ApiException unavailable() {
        return new ApiException(ErrorCode.INTERNAL, UNAVAILABLE);
    }

    /** The body accounts answers a successful lookup with. */
    record LookupResponse(String id) {
    }
}
