package com.ventusvault.accounts.notifications.delivery;

import org.springframework.http.HttpStatusCode;

/** How a provider's non-2xx answer becomes a {@link DeliveryResult.Failed}: what is worth retrying, what is kept. */
final class ProviderAnswers {

    private static final int KEPT_BODY = 300;

    private ProviderAnswers() {
    }

    /** 408, 429 and 5xx are worth another try; any other 4xx means the provider refused this very message. */
    static DeliveryResult.Failed failed(String provider, HttpStatusCode status, String body) {
        int code = status.value();
        boolean retryable = code == 408 || code == 429 || status.is5xxServerError();
        String text = body == null ? "" : body.strip();
        if (text.length() > KEPT_BODY) {
            text = text.substring(0, KEPT_BODY) + "...";
        }
        return new DeliveryResult.Failed(provider + " answered HTTP " + code + (text.isEmpty() ? "" : ": " + text),
                !retryable);
    }
}
