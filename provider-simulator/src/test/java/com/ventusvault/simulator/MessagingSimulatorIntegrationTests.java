package com.ventusvault.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;

/** Twilio's Messages API and SendGrid's mail send as the simulator plays them, over real HTTP, with faults. */
class MessagingSimulatorIntegrationTests {

    private static final String SID = "AC00000000000000000000000000000001";
    private static final String TOKEN = "ventus-simulator-twilio-token";
    private static final String SENDGRID_KEY = "SG.ventus-simulator";
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };

    private static ConfigurableApplicationContext simulator;
    private static WebClient client;

    @BeforeAll
    static void start() {
        simulator = ProviderSimulatorApplication.builder().run("--server.port=0", "--server.address=127.0.0.1");
        client = WebClient.create("http://127.0.0.1:" + simulator.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @AfterEach
    void reset() {
        client.delete().uri("/_simulator/faults").retrieve().toBodilessEntity().block();
        client.delete().uri("/_simulator/messages").retrieve().toBodilessEntity().block();
    }

    private static ResponseEntity<Map<String, Object>> sms(String user, String password, String to, String body) {
        return client.post().uri("/twilio/2010-04-01/Accounts/{sid}/Messages.json", SID)
                .headers(h -> h.setBasicAuth(user, password))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("To", to).with("From", "+15005550006").with("Body", body))
                .exchangeToMono(r -> r.toEntity(JSON)).block();
    }

    private static ResponseEntity<Map<String, Object>> mail(String key, Map<String, Object> mail) {
        return client.post().uri("/sendgrid/v3/mail/send").headers(h -> h.setBearerAuth(key))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(mail)
                .exchangeToMono(r -> r.toEntity(JSON)).block();
    }

    private static Map<String, Object> mailTo(String to) {
        return Map.of("personalizations", List.of(Map.of("to", List.of(Map.of("email", to)))),
                "from", Map.of("email", "alerts@ventusvault.test"), "subject", "Hello",
                "content", List.of(Map.of("type", "text/plain", "value", "Body text")));
    }

    private static List<Map<String, Object>> messages() {
        return client.get().uri("/_simulator/messages").retrieve().bodyToMono(LIST).block();
    }

    @Test
    void twilioQueuesAnSmsAndAnswersWithTheMessageResource() {
        ResponseEntity<Map<String, Object>> created = sms(SID, TOKEN, "+2348012345678", "Your code is 123456");

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(created.getBody()).containsEntry("status", "queued").containsEntry("to", "+2348012345678")
                .containsEntry("from", "+15005550006").containsEntry("body", "Your code is 123456")
                .containsEntry("account_sid", SID).containsEntry("direction", "outbound-api");
        assertThat((String) created.getBody().get("sid")).matches("SM[0-9a-f]{32}");
        assertThat(messages()).singleElement().satisfies(m -> assertThat(m).containsEntry("provider", "TWILIO")
                .containsEntry("id", created.getBody().get("sid")).containsEntry("to", "+2348012345678"));
    }

    @Test
    void twilioRefusesWrongCredentialsAndBadNumbersWithItsErrorCodes() {
        ResponseEntity<Map<String, Object>> unauthorized = sms(SID, "wrong", "+2348012345678", "x");
        assertThat(unauthorized.getStatusCode().value()).isEqualTo(401);
        assertThat(unauthorized.getBody()).containsEntry("code", 20003);

        assertThat(sms(SID, TOKEN, "08012345678", "x").getBody()).containsEntry("code", 21211).containsEntry("status", 400);
        assertThat(sms(SID, TOKEN, "+15005550001", "x").getBody()).containsEntry("code", 21211);
        assertThat(sms(SID, TOKEN, "+15005550009", "x").getBody()).containsEntry("code", 21614);
        assertThat(sms(SID, TOKEN, "+2348012345678", "").getBody()).containsEntry("code", 21602);
        assertThat(messages()).isEmpty();
    }

    @Test
    void sendGridAcceptsMailWith202AndAMessageIdHeader() {
        ResponseEntity<Map<String, Object>> accepted = mail(SENDGRID_KEY, mailTo("ada@example.com"));

        assertThat(accepted.getStatusCode().value()).isEqualTo(202);
        String id = accepted.getHeaders().getFirst("X-Message-Id");
        assertThat(id).isNotBlank();
        assertThat(messages()).singleElement().satisfies(m -> assertThat(m).containsEntry("provider", "SENDGRID")
                .containsEntry("id", id).containsEntry("to", "ada@example.com").containsEntry("subject", "Hello")
                .containsEntry("body", "Body text").containsEntry("from", "alerts@ventusvault.test"));
    }

    @Test
    void sendGridRefusesAWrongKeyAndAMalformedMail() {
        assertThat(mail("SG.wrong", mailTo("ada@example.com")).getStatusCode().value()).isEqualTo(401);

        ResponseEntity<Map<String, Object>> noSubject = mail(SENDGRID_KEY, Map.of(
                "personalizations", List.of(Map.of("to", List.of(Map.of("email", "ada@example.com")))),
                "from", Map.of("email", "alerts@ventusvault.test"),
                "content", List.of(Map.of("type", "text/plain", "value", "x"))));
        assertThat(noSubject.getStatusCode().value()).isEqualTo(400);
        assertThat(noSubject.getBody().get("errors")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .singleElement().satisfies(e -> assertThat(((Map<?, ?>) e).get("field")).isEqualTo("subject"));
        assertThat(messages()).isEmpty();
    }

    @Test
    void faultsTargetSmsAndEmailSeparately() {
        client.post().uri("/_simulator/faults").bodyValue(Map.of("provider", "TWILIO", "operation", "SMS",
                "status", 503, "times", 1)).retrieve().toBodilessEntity().block();

        assertThat(mail(SENDGRID_KEY, mailTo("ada@example.com")).getStatusCode().value()).isEqualTo(202);
        assertThat(sms(SID, TOKEN, "+2348012345678", "first").getStatusCode().value()).isEqualTo(503);
        assertThat(sms(SID, TOKEN, "+2348012345678", "second").getStatusCode().value()).isEqualTo(201);
        assertThat(messages()).extracting(m -> m.get("body")).containsExactly("Body text", "second");
    }
}
