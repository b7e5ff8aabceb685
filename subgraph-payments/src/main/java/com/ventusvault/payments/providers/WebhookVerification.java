package com.ventusvault.payments.providers;

import java.util.Objects;

/**
 * What {@link ProviderWebhooks#verify} found in a webhook, so the endpoint can answer each case as the provider needs:
 * a {@link Rejected} signature is 401 (and logged: someone else may be knocking), an {@link Ignored} delivery is
 * correctly signed but nothing we act on (another event kind, a status we do not map, an unreadable body) and is 200
 * so the provider stops re-sending it, and an {@link Accepted} event is handled.
 */
public sealed interface WebhookVerification {

    /** The signature is missing or wrong: nothing in the body may be trusted. */
    record Rejected(String why) implements WebhookVerification {

        public Rejected {
            Objects.requireNonNull(why, "why");
        }
    }

    /** Correctly signed, but not an event we act on ({@code kind} as the provider named it, possibly empty). */
    record Ignored(String kind, String why) implements WebhookVerification {

        public Ignored {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(why, "why");
        }
    }

    /** Correctly signed and mapped to an event we handle. */
    record Accepted(ProviderEvent event) implements WebhookVerification {

        public Accepted {
            Objects.requireNonNull(event, "event");
        }
    }
}
