package com.ventusvault.accounts.notifications.delivery;

import reactor.core.publisher.Mono;

/**
 * The default courier: sends nothing anywhere. The row in {@code notification} is the message, kept for staff to read
 * through the {@code notifications} query; delivering it only marks it SENT.
 */
final class LocalSink implements Courier {

    @Override
    public Mono<DeliveryResult> deliver(Outgoing notification) {
        return Mono.just(new DeliveryResult.Delivered(null));
    }
}
