package com.ventusvault.simulator.webhooks;

import com.ventusvault.simulator.Provider;
import java.time.Instant;
import java.util.Map;

/**
 * One webhook the simulator sent (or tried to): exactly what went over the wire, so a test can replay it.
 *
 * @param status the HTTP status of the last attempt, 0 if the endpoint could not be reached
 */
public record WebhookDelivery(Provider provider, String url, Map<String, String> headers, String body, int attempts,
                              int status, Instant sentAt) {
}
