package com.ventusvault.payments.providers;

import io.netty.channel.ChannelOption;
import java.net.ConnectException;
import java.net.URI;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * The HTTP side shared by the provider clients: a WebClient with connect and response timeouts and the bearer key,
 * and the rule that sorts transport failures and statuses into retryable (ambiguous or clean) and not.
 */
final class ProviderHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProviderHttp() {
    }

    static WebClient client(URI baseUrl, String secretKey, ProvidersProperties properties) {
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.connectTimeout().toMillis())
                .responseTimeout(properties.readTimeout());
        return WebClient.builder()
                .baseUrl(baseUrl.toString())
                .clientConnector(new ReactorClientHttpConnector(http))
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + secretKey)
                .build();
    }

    /**
     * Transport failures: never connected (refused, connect timeout) is clean; anything after the request may have
     * been written (read timeout, connection closed before the answer, anything unexpected) is ambiguous.
     */
    static Throwable classify(ProviderName provider, Throwable error) {
        if (error instanceof RetryableProviderFailure || error instanceof ProviderRejection) {
            return error;
        }
        if (error instanceof WebClientRequestException request) {
            boolean neverConnected = causedBy(request, ConnectException.class)
                    || causedBy(request, io.netty.channel.ConnectTimeoutException.class);
            return new RetryableProviderFailure(provider, "request failed: " + rootMessage(request), !neverConnected, error);
        }
        if (error instanceof TimeoutException) {
            return new RetryableProviderFailure(provider, "timed out", true, error);
        }
        // Anything else (a read timeout while reading the body, a decoding failure, ...) happened after the request
        // was sent: retryable, and ambiguous, so nobody assumes the provider did not act on it.
        return new RetryableProviderFailure(provider, "failed: " + rootMessage(error), true, error);
    }

    /** A non-2xx status that retrying may cure (5xx: ambiguous; 429: clean, the request was refused), else null. */
    static RetryableProviderFailure retryableStatus(ProviderName provider, HttpStatusCode status, String message) {
        if (status.value() == 429) {
            return new RetryableProviderFailure(provider, "rate limited (429): " + message, false, null);
        }
        if (status.is5xxServerError()) {
            return new RetryableProviderFailure(provider, "HTTP " + status.value() + ": " + message, true, null);
        }
        return null;
    }

    /** A provider's answer: status and JSON body (a missing node when the body is empty or not JSON). */
    record Answer(HttpStatusCode status, JsonNode body) {

        boolean ok() {
            return status.is2xxSuccessful();
        }

        String message() {
            return text(body, "message");
        }

        JsonNode data() {
            return body.path("data");
        }
    }

    /**
     * Runs the request and reads the answer whatever its status; transport failures, 5xx and 429 become
     * {@link RetryableProviderFailure}, 401/403 a {@link ProviderRejection} {@code PROVIDER_AUTH_FAILED} (our key is
     * wrong: retrying cannot help). Everything else is left to the caller, who knows what a 4xx means there.
     */
    static Mono<Answer> exchange(ProviderName provider, WebClient.RequestHeadersSpec<?> request) {
        return request.exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
                        .map(body -> new Answer(response.statusCode(), parse(body))))
                .onErrorMap(e -> classify(provider, e))
                .flatMap(answer -> {
                    RetryableProviderFailure retryable = retryableStatus(provider, answer.status(), answer.message());
                    if (retryable != null) {
                        return Mono.error(retryable);
                    }
                    if (answer.status().value() == 401 || answer.status().value() == 403) {
                        return Mono.error(new ProviderRejection("PROVIDER_AUTH_FAILED",
                                provider + " refused our credentials: " + answer.message()));
                    }
                    if (answer.ok() && answer.body().isMissingNode()) {
                        return Mono.error(new RetryableProviderFailure(provider,
                                "HTTP " + answer.status().value() + " without a readable body", true, null));
                    }
                    return Mono.just(answer);
                });
    }

    private static JsonNode parse(String body) {
        try {
            return body.isBlank() ? MissingNode.getInstance() : JSON.readTree(body);
        } catch (JacksonException e) {
            return MissingNode.getInstance();
        }
    }

    /** The field as text; "" when missing or null. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? "" : value.asString();
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " " + root.getMessage());
    }
}
