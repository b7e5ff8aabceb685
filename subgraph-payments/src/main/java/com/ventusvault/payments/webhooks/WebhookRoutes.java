package com.ventusvault.payments.webhooks;

import com.ventusvault.payments.audit.AuditOrigin;
import com.ventusvault.payments.providers.ProviderName;
import com.ventusvault.payments.providers.ProviderWebhooks;
import com.ventusvault.payments.providers.WebhookVerification;
import com.ventusvault.platform.requests.RequestFacts;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code POST /webhooks/paystack} and {@code POST /webhooks/flutterwave}: the raw body bytes (the signature covers
 * exactly those) are verified with {@link ProviderWebhooks}. A missing or bad signature is 401, logged without the
 * body, and changes nothing; a correctly signed delivery we do not act on (another event kind or status, a body that
 * is not JSON) is 200 with outcome IGNORED and logged at info, so the provider does not re-send it forever; a verified
 * event is handled by {@link ProviderEventHandler} and answered 200 (also for
 * replays and unknown references, so the provider stops re-sending); a failure while applying it is 500 and the
 * provider retries later.
 */
@Configuration(proxyBeanMethods = false)
class WebhookRoutes {

    private static final Logger log = LoggerFactory.getLogger(WebhookRoutes.class);
    /** The outcome answered for a correctly signed delivery we do not act on. */
    static final String IGNORED = "IGNORED";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Bean
    RouterFunction<ServerResponse> providerWebhookRoutes(ProviderWebhooks webhooks, ProviderEventHandler handler) {
        return RouterFunctions.route()
                .POST("/webhooks/paystack", request -> receive(request, ProviderName.PAYSTACK, webhooks, handler))
                .POST("/webhooks/flutterwave", request -> receive(request, ProviderName.FLUTTERWAVE, webhooks, handler))
                .build();
    }

    private static Mono<ServerResponse> receive(ServerRequest request, ProviderName provider, ProviderWebhooks webhooks,
                                                ProviderEventHandler handler) {
        return request.bodyToMono(byte[].class).defaultIfEmpty(new byte[0]).flatMap(body -> {
            return switch (webhooks.verify(provider, request.headers().asHttpHeaders(), body)) {
                case WebhookVerification.Rejected rejected -> {
                    log.warn("Refused a {} webhook with a missing or invalid signature ({} bytes from {})", provider,
                            body.length, remote(request));
                    yield ServerResponse.status(HttpStatus.UNAUTHORIZED).bodyValue(Map.of("error", "invalid signature"));
                }
                case WebhookVerification.Ignored ignored -> {
                    log.info("Acknowledged a signed {} webhook we do not act on (kind '{}': {})", provider,
                            ignored.kind(), ignored.why());
                    yield ServerResponse.ok().bodyValue(Map.of("received", true, "outcome", IGNORED));
                }
                case WebhookVerification.Accepted accepted -> handler.handle(accepted.event())
                        // What the event settles is audited as the system, under this delivery's request id and IP.
                        .contextWrite(AuditOrigin.system(requestId(request), peer(request)).context())
                        .flatMap(outcome -> ServerResponse.ok().bodyValue(Map.of("received", true, "outcome", outcome)));
            };
        });
    }

    /** The delivery's X-Request-Id when it is a safe token (it goes into the audit log), else a fresh one. */
    private static String requestId(ServerRequest request) {
        String id = request.headers().firstHeader(RequestFacts.REQUEST_ID_HEADER);
        return id != null && SAFE_ID.matcher(id).matches() ? id : UUID.randomUUID().toString();
    }

    /** The provider's address (webhooks come straight from the provider, not through the gateway). */
    private static String peer(ServerRequest request) {
        return request.remoteAddress().map(address -> address.getAddress() == null ? address.getHostString()
                : address.getAddress().getHostAddress()).orElse(null);
    }

    private static String remote(ServerRequest request) {
        return Optional.ofNullable(request.remoteAddress().orElse(null)).map(address -> address.getHostString())
                .orElse("an unknown address");
    }
}
