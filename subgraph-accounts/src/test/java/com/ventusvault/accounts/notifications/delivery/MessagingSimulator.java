package com.ventusvault.accounts.notifications.delivery;

import com.ventusvault.simulator.ProviderSimulatorApplication;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The provider simulator's Twilio and SendGrid, started once per test JVM on a free port (it stops with the JVM),
 * with its control API: the messages it accepted, and faults.
 */
final class MessagingSimulator {

    static final String ACCOUNT_SID = "AC00000000000000000000000000000001";
    static final String AUTH_TOKEN = "ventus-simulator-twilio-token";
    static final String API_KEY = "SG.ventus-simulator";

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };
    private static MessagingSimulator instance;

    private final String baseUrl;
    private final WebClient control;

    private MessagingSimulator(ConfigurableApplicationContext context) {
        this.baseUrl = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
        this.control = WebClient.create(baseUrl);
    }

    static synchronized MessagingSimulator get() {
        if (instance == null) {
            instance = new MessagingSimulator(ProviderSimulatorApplication.builder().run("--server.port=0",
                    "--server.address=127.0.0.1", "--ventus.simulator.twilio.account-sid=" + ACCOUNT_SID,
                    "--ventus.simulator.twilio.auth-token=" + AUTH_TOKEN,
                    "--ventus.simulator.sendgrid.api-key=" + API_KEY));
        }
        return instance;
    }

    String twilioUrl() {
        return baseUrl + "/twilio";
    }

    String sendGridUrl() {
        return baseUrl + "/sendgrid";
    }

    /** The messages the providers accepted for this recipient with this body. */
    List<Map<String, Object>> messagesTo(String recipient, String body) {
        return control.get().uri("/_simulator/messages").retrieve().bodyToMono(LIST).block(Duration.ofSeconds(10))
                .stream().filter(m -> recipient.equals(m.get("to")) && body.equals(m.get("body"))).toList();
    }

    /** Adds a fault, e.g. {@code {"provider":"TWILIO","operation":"SMS","status":503}}. */
    void fault(Map<String, Object> fault) {
        control.post().uri("/_simulator/faults").bodyValue(fault).retrieve().toBodilessEntity()
                .block(Duration.ofSeconds(10));
    }

    void resetFaults() {
        control.delete().uri("/_simulator/faults").retrieve().toBodilessEntity().block(Duration.ofSeconds(10));
    }
}
