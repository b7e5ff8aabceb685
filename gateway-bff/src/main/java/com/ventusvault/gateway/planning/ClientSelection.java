package com.ventusvault.gateway.planning;

/**
 * One selection of the client's operation after fragment spreads are inlined: a field or a (possibly
 * conditional, possibly type-conditioned) fragment. The planner plans these; the executor shapes the
 * response from them in the client's field order.
 */
public sealed interface ClientSelection permits ClientField, ClientFragment {
}
