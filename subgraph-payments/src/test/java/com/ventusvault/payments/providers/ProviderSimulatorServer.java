package com.ventusvault.payments.providers;

import com.ventusvault.simulator.ProviderSimulatorApplication;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.reactive.function.client.WebClient;

/** The provider simulator on a free port, and its control API (faults, what it holds, the webhooks it signed). */
final class ProviderSimulatorServer implements AutoCloseable {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };

    private final ConfigurableApplicationContext context;
    private final WebClient control;
    private final String baseUrl;

    ProviderSimulatorServer(String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "--server.port=0";
        all[1] = "--server.address=127.0.0.1";
        all[2] = "--ventus.simulator.transfer-delay=100ms";
        all[3] = "--ventus.simulator.charge-delay=100ms";
        System.arraycopy(args, 0, all, 4, args.length);
        context = ProviderSimulatorApplication.builder().run(all);
        baseUrl = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
        control = WebClient.create(baseUrl);
    }

    /** Provider settings pointing at this simulator, with millisecond backoff and a short read timeout. */
    ProvidersProperties properties(Duration readTimeout, Duration openDuration) {
        return new ProvidersProperties(
                new ProvidersProperties.Paystack(URI.create(baseUrl + "/paystack"), "sk_test_ventus_simulator"),
                new ProvidersProperties.Flutterwave(URI.create(baseUrl + "/flutterwave"), "FLWSECK_TEST-ventus-simulator",
                        "ventus-simulator-hash", "http://localhost:4000/"),
                Duration.ofSeconds(1), readTimeout,
                new ProvidersProperties.Breaker(5, openDuration),
                new ProvidersProperties.Retry(3, Duration.ofMillis(10), Duration.ofMillis(40)));
    }

    void fault(Map<String, Object> fault) {
        control.post().uri("/_simulator/faults").bodyValue(fault).retrieve().toBodilessEntity().block();
    }

    void resetFaults() {
        control.delete().uri("/_simulator/faults").retrieve().toBodilessEntity().block();
    }

    /** Every transfer the simulator holds under this reference, at either provider. */
    List<Map<String, Object>> transfers(String reference) {
        return control.get().uri("/_simulator/transfers").retrieve().bodyToMono(LIST).block().stream()
                .filter(t -> reference.equals(t.get("reference"))).toList();
    }

    /** The signed webhook announcing this reference's outcome, once the simulator sent it. */
    Map<String, Object> webhook(String reference) throws InterruptedException {
        return webhook(reference, "");
    }

    /** The signed webhook of this event kind (e.g. "transfer.reversed") for this reference. */
    Map<String, Object> webhook(String reference, String event) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            for (Map<String, Object> delivery : control.get().uri("/_simulator/webhooks").retrieve().bodyToMono(LIST).block()) {
                String body = (String) delivery.get("body");
                if (body.contains("\"" + reference + "\"") && body.contains("\"" + event)) {
                    return delivery;
                }
            }
            Thread.sleep(25);
        }
        throw new AssertionError("No webhook for " + reference);
    }

    /** Reverses a successful transfer at the provider (Paystack then sends transfer.reversed). */
    void reverse(String provider, String reference) {
        control.post().uri("/_simulator/{provider}/transfers/{reference}/reverse", provider, reference)
                .retrieve().toBodilessEntity().block();
    }

    @Override
    public void close() {
        context.close();
    }
}
