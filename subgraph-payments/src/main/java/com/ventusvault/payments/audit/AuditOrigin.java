package com.ventusvault.payments.audit;

import com.ventusvault.platform.requests.RequestFacts;
import com.ventusvault.platform.security.Viewer;
import java.util.UUID;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * Who moved money and from where, for the audit trail: the signed-in user (null for the system: provider webhooks,
 * sweeps, the payout worker), the request's id and the client's IP. Controllers put it in the Reactor context of the
 * work they start ({@code mono.contextWrite(origin.context())}); {@link AuditOutbox} reads it back deep down, so the
 * services between need not pass it along.
 */
public record AuditOrigin(UUID actorId, String requestId, String ip) {

    /** Work nobody asked for in a request (sweeps, the payout worker): no actor, no request. */
    public static final AuditOrigin SYSTEM = new AuditOrigin(null, null, null);

    private static final Class<AuditOrigin> KEY = AuditOrigin.class;

    /** A signed-in user's request. */
    public static AuditOrigin of(Viewer viewer, RequestFacts facts) {
        return new AuditOrigin(viewer.userId(), facts.requestId(), facts.clientIp());
    }

    /** A request made by a machine on the system's behalf, e.g. a provider's webhook delivery. */
    public static AuditOrigin system(String requestId, String ip) {
        return new AuditOrigin(null, requestId, ip);
    }

    /** This origin as a Reactor context, for {@code contextWrite}. */
    public ContextView context() {
        return Context.of(KEY, this);
    }

    /** The origin of the work running now; {@link #SYSTEM} when none was set. */
    public static Mono<AuditOrigin> current() {
        return Mono.deferContextual(context -> Mono.just(context.getOrDefault(KEY, SYSTEM)));
    }
}
