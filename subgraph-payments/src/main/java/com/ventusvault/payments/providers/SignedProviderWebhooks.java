package com.ventusvault.payments.providers;

import static com.ventusvault.payments.providers.ProviderHttp.text;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link ProviderWebhooks} with each provider's real scheme, compared in constant time
 * ({@link MessageDigest#isEqual}). Paystack: {@code x-paystack-signature} = hex HMAC-SHA512(secret key, raw body).
 * Flutterwave: {@code flutterwave-signature} = base64 HMAC-SHA256(secret hash, raw body), or the older
 * {@code verif-hash} = the secret hash itself; either one that checks out is accepted.
 *
 * <p>Events: Paystack transfer.success / transfer.failed / transfer.reversed / charge.success, Flutterwave
 * transfer.completed (data.status SUCCESSFUL / FAILED / REVERSED) and charge.completed (successful / failed). A
 * correctly signed event of another kind or status is {@link WebhookVerification.Ignored} (logged at info), as is a
 * signed body that is not JSON (logged at warn); a missing or wrong signature is {@link WebhookVerification.Rejected}. The event id is
 * provider + its transfer/charge id + event + status, so a re-delivery carries the same id.
 */
final class SignedProviderWebhooks implements ProviderWebhooks {

    private static final Logger log = LoggerFactory.getLogger(SignedProviderWebhooks.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ProvidersProperties properties;

    SignedProviderWebhooks(ProvidersProperties properties) {
        this.properties = properties;
    }

    @Override
    public WebhookVerification verify(ProviderName provider, HttpHeaders headers, byte[] rawBody) {
        boolean signed = switch (provider) {
            case PAYSTACK -> paystackSigned(headers, rawBody);
            case FLUTTERWAVE -> flutterwaveSigned(headers, rawBody);
        };
        if (!signed) {
            log.warn("Rejected a {} webhook: missing or wrong signature", provider);
            return new WebhookVerification.Rejected("missing or wrong signature");
        }
        JsonNode event;
        try {
            event = JSON.readTree(rawBody);
        } catch (JacksonException e) {
            log.warn("Ignored a signed {} webhook: the body is not JSON ({} bytes)", provider, rawBody.length);
            return new WebhookVerification.Ignored("", "the body is not JSON");
        }
        Optional<ProviderEvent> mapped = switch (provider) {
            case PAYSTACK -> paystack(event);
            case FLUTTERWAVE -> flutterwave(event);
        };
        if (mapped.isEmpty()) {
            String kind = text(event, "event");
            String status = text(event.path("data"), "status");
            log.info("Ignored a signed {} webhook of kind '{}' (status '{}'): not an event we act on", provider, kind,
                    status);
            return new WebhookVerification.Ignored(kind, "not an event we act on (status '" + status + "')");
        }
        return new WebhookVerification.Accepted(mapped.get());
    }

    private boolean paystackSigned(HttpHeaders headers, byte[] body) {
        String signature = headers.getFirst("x-paystack-signature");
        if (signature == null || signature.isBlank()) {
            return false;
        }
        String expected = HexFormat.of().formatHex(hmac("HmacSHA512", properties.paystack().secretKey(), body));
        return constantTimeEquals(expected, signature.strip().toLowerCase(Locale.ROOT));
    }

    private boolean flutterwaveSigned(HttpHeaders headers, byte[] body) {
        String hash = properties.flutterwave().secretHash();
        String signature = headers.getFirst("flutterwave-signature");
        if (signature != null && !signature.isBlank()
                && constantTimeEquals(Base64.getEncoder().encodeToString(hmac("HmacSHA256", hash, body)), signature.strip())) {
            return true;
        }
        String verifHash = headers.getFirst("verif-hash");
        return verifHash != null && !verifHash.isBlank() && constantTimeEquals(hash, verifHash);
    }

    private static Optional<ProviderEvent> paystack(JsonNode event) {
        String kind = text(event, "event");
        JsonNode data = event.path("data");
        ProviderEventType type = switch (kind) {
            case "transfer.success" -> ProviderEventType.PAYOUT_SUCCEEDED;
            case "transfer.failed" -> ProviderEventType.PAYOUT_FAILED;
            case "transfer.reversed" -> ProviderEventType.PAYOUT_REVERSED;
            case "charge.success" -> ProviderEventType.CHARGE_SUCCEEDED;
            default -> null;
        };
        String reference = text(data, "reference");
        if (type == null || reference.isEmpty()) {
            return Optional.empty();
        }
        String id = text(data, "transfer_code").isEmpty() ? text(data, "id") : text(data, "transfer_code");
        String reason = !text(data, "failures").isEmpty() ? text(data, "failures")
                : !text(data, "gateway_response").isEmpty() ? text(data, "gateway_response") : text(data, "status");
        return Optional.of(new ProviderEvent(ProviderName.PAYSTACK, "PAYSTACK:" + id + ":" + kind, type, reference, reason));
    }

    private static Optional<ProviderEvent> flutterwave(JsonNode event) {
        String kind = text(event, "event");
        JsonNode data = event.path("data");
        String status = text(data, "status").toUpperCase(Locale.ROOT);
        ProviderEventType type;
        String reference;
        if (kind.equals("transfer.completed")) {
            type = switch (status) {
                case "SUCCESSFUL" -> ProviderEventType.PAYOUT_SUCCEEDED;
                case "FAILED" -> ProviderEventType.PAYOUT_FAILED;
                // The bank returned a paid transfer (the simulator sends this; Flutterwave's status query shows it).
                case "REVERSED" -> ProviderEventType.PAYOUT_REVERSED;
                default -> null;
            };
            reference = text(data, "reference");
        } else if (kind.equals("charge.completed")) {
            type = switch (status) {
                case "SUCCESSFUL" -> ProviderEventType.CHARGE_SUCCEEDED;
                case "FAILED" -> ProviderEventType.CHARGE_FAILED;
                default -> null;
            };
            reference = text(data, "tx_ref");
        } else {
            return Optional.empty();
        }
        if (type == null || reference.isEmpty()) {
            return Optional.empty();
        }
        String reason = text(data, "complete_message").isEmpty() ? status : text(data, "complete_message");
        return Optional.of(new ProviderEvent(ProviderName.FLUTTERWAVE,
                "FLUTTERWAVE:" + text(data, "id") + ":" + kind + ":" + status, type, reference, reason));
    }

    private static byte[] hmac(String algorithm, String key, byte[] body) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is unavailable", e);
        }
    }

    private static boolean constantTimeEquals(String expected, String actual) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }
}
