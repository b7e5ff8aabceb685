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
 * Paystack's transfer API: {@code GET /bank/resolve}, {@code POST /transferrecipient} then {@code POST /transfer}
 * (amount in kobo, our reference as Paystack's idempotent {@code reference}), {@code GET /transfer/verify/:reference},
 * and {@code POST /transaction/initialize} for deposits. Statuses: pending/otp/received/processing = PENDING,
 * success = SUCCEEDED, failed/abandoned/blocked/rejected/reversed = FAILED.
 */
final class PaystackClient implements ProviderClient {

    private static final ProviderName PAYSTACK = ProviderName.PAYSTACK;

    private final WebClient http;

    PaystackClient(ProvidersProperties properties) {
        this.http = ProviderHttp.client(properties.paystack().baseUrl(), properties.paystack().secretKey(), properties);
    }

    @Override
    public ProviderName name() {
        return PAYSTACK;
    }

    @Override
    public Mono<ResolvedAccount> resolve(String bankCode, String accountNumber) {
        return ProviderHttp.exchange(PAYSTACK, http.get().uri(b -> b.path("/bank/resolve")
                        .queryParam("account_number", accountNumber).queryParam("bank_code", bankCode).build()))
                .flatMap(answer -> answer.ok() && answer.body().path("status").asBoolean()
                        ? Mono.just(new ResolvedAccount(PAYSTACK, text(answer.data(), "account_name")))
                        : Mono.error(new ProviderRejection("INVALID_BANK_ACCOUNT", answer.message())));
    }

    @Override
    public Mono<Submission> send(PayoutOrder order) {
        Map<String, Object> recipient = new LinkedHashMap<>();
        recipient.put("type", "nuban");
        recipient.put("name", order.accountName().isBlank() ? "Beneficiary" : order.accountName());
        recipient.put("account_number", order.accountNumber());
        recipient.put("bank_code", order.bankCode());
        recipient.put("currency", "NGN");
        return ProviderHttp.exchange(PAYSTACK, http.post().uri("/transferrecipient").bodyValue(recipient))
                .flatMap(answer -> answer.ok()
                        ? Mono.just(text(answer.data(), "recipient_code"))
                        : Mono.error(new ProviderRejection("INVALID_BANK_ACCOUNT", answer.message())))
                .flatMap(recipientCode -> transfer(order, recipientCode));
    }

    private Mono<Submission> transfer(PayoutOrder order, String recipientCode) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("source", "balance");
        body.put("amount", order.amount().amount().movePointRight(2).longValueExact());
        body.put("recipient", recipientCode);
        body.put("reason", order.narration());
        body.put("reference", order.reference());
        body.put("currency", "NGN");
        return ProviderHttp.exchange(PAYSTACK, http.post().uri("/transfer").bodyValue(body)).flatMap(answer -> {
            if (answer.ok()) {
                JsonNode data = answer.data();
                return Mono.just(new Submission(PAYSTACK, text(data, "transfer_code"), state(text(data, "status"))));
            }
            if (answer.message().toLowerCase(Locale.ROOT).contains("duplicate")) {
                // Already sent under this reference: report what Paystack holds, never send again.
                return find(order.reference()).flatMap(held -> held
                        .map(t -> Mono.just(new Submission(PAYSTACK, t.providerTransferId(), t.state())))
                        .orElseGet(() -> Mono.error(new ProviderRejection("PROVIDER_REJECTED", answer.message()))));
            }
            return Mono.error(new ProviderRejection("PROVIDER_REJECTED", answer.message()));
        });
    }

    @Override
    public Mono<Optional<ProviderTransfer>> find(String reference) {
        return ProviderHttp.exchange(PAYSTACK, http.get().uri("/transfer/verify/{reference}", reference))
                .flatMap(answer -> {
                    if (answer.status().value() == 404) {
                        return Mono.just(Optional.<ProviderTransfer>empty());
                    }
                    if (!answer.ok()) {
                        return Mono.error(new ProviderRejection("PROVIDER_REJECTED", answer.message()));
                    }
                    JsonNode data = answer.data();
                    String status = text(data, "status");
                    String reason = text(data, "failures").isEmpty() ? status : text(data, "failures");
                    return Mono.just(Optional.of(new ProviderTransfer(text(data, "transfer_code"), state(status), reason)));
                });
    }

    @Override
    public Mono<Checkout> startCharge(ChargeOrder order) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", order.email());
        body.put("amount", String.valueOf(order.amount().amount().movePointRight(2).longValueExact()));
        body.put("reference", order.reference());
        body.put("currency", order.amount().currency().name());
        return ProviderHttp.exchange(PAYSTACK, http.post().uri("/transaction/initialize").bodyValue(body))
                .flatMap(answer -> answer.ok()
                        ? Mono.just(new Checkout(PAYSTACK, text(answer.data(), "authorization_url"),
                                text(answer.data(), "access_code")))
                        : Mono.error(new ProviderRejection("PROVIDER_REJECTED", answer.message())));
    }

    static ProviderState state(String status) {
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "pending", "otp", "received", "processing", "queued" -> ProviderState.PENDING;
            case "success" -> ProviderState.SUCCEEDED;
            case "failed", "abandoned", "blocked", "rejected", "reversed" -> ProviderState.FAILED;
            default -> ProviderState.UNKNOWN;
        };
    }
}
