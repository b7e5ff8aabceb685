package com.ventusvault.accounts.notifications.delivery;

import reactor.core.publisher.Mono;

/**
 * Carries one notification to its recipient through one provider. Answers with a {@link DeliveryResult} for every
 * provider answer; errors (timeouts, refused connections) are left to the worker, which retries them.
 */
public interface Courier {

    Mono<DeliveryResult> deliver(Outgoing notification);
}
