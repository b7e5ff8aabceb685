package com.ventusvault.payments.providers;

import static com.ventusvault.payments.providers.ProviderHttp.text;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Flutterwave's v3 API: {@code POST /v3/accounts/resolve}, {@code POST /v3/transfers} (amount in naira, our reference
 * as its {@code reference}), {@code GET /v3/transfers?reference=} and {@code POST /v3/payments} (hosted checkout) for
 * deposits. Statuses: NEW/PENDING = PENDING, SUCCESSFUL = SUCCEEDED, FAILED = FAILED.
 */
final class FlutterwaveClient implements ProviderClient {

    private static final ProviderName FLUTTERWAVE = ProviderName.FLUTTERWAVE;

    private final WebClient http;
    private final String redirectUrl;

    FlutterwaveClient(ProvidersProperties properties) {
        this.http = ProviderHttp.client(properties.flutterwave().baseUrl(), properties.flutterwave().secretKey(),
                properties);
        this.redirectUrl = properties.flutterwave().redirectUrl();
    }

    @Override
    public ProviderName name() {
        return FLUTTERWAVE;
    }

    private static boolean success(ProviderHttp.Answer answer) {
        return answer.ok() && "success".equals(text(answer.body(), "status"));
    }

    @Override
    public Mono<ResolvedAccount> resolve(String bankCode, String accountNumber) {
        Map<String, Object> body = Map.of("account_number", accountNumber, "account_bank", bankCode);
        return ProviderHttp.exchange(FLUTTERWAVE, http.post().uri("/v3/accounts/resolve").bodyValue(body))
                .flatMap(answer -> success(answer)
                        ? Mono.just(new ResolvedAccount(FLUTTERWAVE, text(answer.data(), "account_name")))
                        : Mono.error(new ProviderRejection("INVALID_BANK_ACCOUNT", answer.message())));
    }

    @Override
    public Mono<Submission> send(PayoutOrder order) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("account_bank", order.bankCode());
        body.put("account_number", order.accountNumber());
        body.put("amount", order.amount().amount());
        body.put("narration", order.narration());
        body.put("currency", "NGN");
        body.put("debit_currency", "NGN");
        body.put("reference", order.reference());
        body.put("beneficiary_name", order.accountName());
        return ProviderHttp.exchange(FLUTTERWAVE, http.post().uri("/v3/transfers").bodyValue(body)).flatMap(answer -> {
            if (success(answer)) {
                JsonNode data = answer.data();
                return Mono.just(new Submission(FLUTTERWAVE, text(data, "id"), state(text(data, "status"))));
            }
            String message = answer.message().toLowerCase(Locale.ROOT);
            if (message.contains("duplicate") || message.contains("already exists")) {
                // Already sent under this reference: report what Flutterwave holds, never send again.
                return find(order.reference()).flatMap(held -> held
                        .map(t -> Mono.just(new Submission(FLUTTERWAVE, t.providerTransferId(), t.state())))
                        .orElseGet(() -> Mono.error(new ProviderRejection("PROVIDER_REJECTED", answer.message()))));
            }
            return Mono.error(new ProviderRejection("PROVIDER_REJECTED", answer.message()));
        });
    }

    @Override
    public Mono<Optional<ProviderTransfer>> find(String reference) {
        return ProviderHttp.exchange(FLUTTERWAVE, http.get().uri(b -> b.path("/v3/transfers")
                        .queryParam("reference", "{reference}").build(reference)))
                .flatMap(answer -> {
                    if (!success(answer)) {
                        return Mono.error(new ProviderRejection("PROVIDER_REJECTED", answer.message()));
                    }
                    JsonNode page = answer.data();
                    for (JsonNode transfer : page) {
                        if (reference.equals(text(transfer, "reference"))) {
                            String status = text(transfer, "status");
                            String reason = text(transfer, "complete_message").isEmpty() ? status
                                    : text(transfer, "complete_message");
                            return Mono.just(Optional.of(new ProviderTransfer(text(transfer, "id"), state(status), reason)));
                        }
                    }
                    return Mono.just(Optional.<ProviderTransfer>empty());
                });
    }

    @Override
    public Mono<Checkout> startCharge(ChargeOrder order) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tx_ref", order.reference());
        body.put("amount", order.amount().amount());
        body.put("currency", order.amount().currency().name());
        body.put("redirect_url", redirectUrl);
        body.put("customer", Map.of("email", order.email()));
        return ProviderHttp.exchange(FLUTTERWAVE, http.post().uri("/v3/payments").bodyValue(body))
                .flatMap(answer -> success(answer)
                        ? Mono.just(new Checkout(FLUTTERWAVE, text(answer.data(), "link"), order.reference()))
                        : Mono.error(new ProviderRejection("PROVIDER_REJECTED", answer.message())));
    }

    static ProviderState state(String status) {
        return switch (status.toUpperCase(Locale.ROOT)) {
            case "NEW", "PENDING" -> ProviderState.PENDING;
            case "SUCCESSFUL" -> ProviderState.SUCCEEDED;
            case "FAILED" -> ProviderState.FAILED;
            default -> ProviderState.UNKNOWN;
        };
    }
}
