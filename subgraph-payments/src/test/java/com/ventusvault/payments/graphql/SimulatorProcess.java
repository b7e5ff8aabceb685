package com.ventusvault.payments.graphql;

import com.ventusvault.simulator.ProviderSimulatorApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The provider simulator (a boundary we do not own at runtime: it stands in for Paystack and Flutterwave) started in
 * the test JVM on a free port, with its webhooks pointed at the payments server under test, plus its control API:
 * faults, and the webhook deliveries it made (to replay one).
 */
final class SimulatorProcess implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConfigurableApplicationContext context;
    private final HttpClient http = HttpClient.newHttpClient();

    private SimulatorProcess(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts it; {@code paymentsPort} is where payments will listen (webhooks go to /webhooks/{provider} there). */
    static SimulatorProcess start(int paymentsPort, String... extraArgs) {
        String payments = "http://127.0.0.1:" + paymentsPort;
        String[] args = new String[4 + extraArgs.length];
        args[0] = "--server.port=0";
        args[1] = "--spring.main.banner-mode=off";
        args[2] = "--ventus.simulator.paystack.webhook-url=" + payments + "/webhooks/paystack";
        args[3] = "--ventus.simulator.flutterwave.webhook-url=" + payments + "/webhooks/flutterwave";
        System.arraycopy(extraArgs, 0, args, 4, extraArgs.length);
        return new SimulatorProcess(ProviderSimulatorApplication.builder().registerShutdownHook(false).run(args));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + context.getEnvironment().getRequiredProperty("local.server.port");
    }

    void fault(String json) {
        send(HttpRequest.newBuilder(URI.create(url() + "/_simulator/faults")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    void resetFaults() {
        send(HttpRequest.newBuilder(URI.create(url() + "/_simulator/faults")).DELETE());
    }

    /** Reverses a successful transfer at the provider (PAYSTACK or FLUTTERWAVE), which then sends its reversal webhook. */
    void reverse(String provider, String reference) {
        send(HttpRequest.newBuilder(URI.create(url() + "/_simulator/" + provider + "/transfers/" + reference + "/reverse"))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** Every webhook delivery the simulator made so far. */
    JsonNode webhooks() {
        return JSON.readTree(send(HttpRequest.newBuilder(URI.create(url() + "/_simulator/webhooks")).GET()));
    }

    private String send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("Simulator answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
