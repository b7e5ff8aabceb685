package com.ventusvault.simulator.messaging;

import com.ventusvault.simulator.Provider;
import com.ventusvault.simulator.config.SimulatorProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio SendGrid's v3 mail send below {@code /sendgrid}: {@code POST /v3/mail/send} with
 * {@code Authorization: Bearer <API key>} and the v3 JSON body ({@code personalizations[].to[].email},
 * {@code from.email}, {@code subject}, {@code content[] {type, value}}). Answers as SendGrid does: 202 with an empty
 * body and an {@code X-Message-Id} header; 401 for a wrong key; 400 with {@code errors[] {message, field, help}} for a
 * malformed request. One message is kept per recipient.
 */
@RestController
class SendGridController {

    private static final String HELP = "http://sendgrid.com/docs/API_Reference/Web_API_v3/Mail/errors.html";

    private final SimulatorProperties properties;
    private final SentMessages messages;
    private final Clock clock = Clock.systemUTC();

    SendGridController(SimulatorProperties properties, SentMessages messages) {
        this.properties = properties;
        this.messages = messages;
    }

    @PostMapping("/sendgrid/v3/mail/send")
    ResponseEntity<Map<String, Object>> send(
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody(required = false) Map<String, Object> mail) {
        if (!authenticated(authorization)) {
            return error(HttpStatus.UNAUTHORIZED, "The provided authorization grant is invalid, expired, or revoked",
                    null, null);
        }
        if (mail == null) {
            return error(HttpStatus.BAD_REQUEST, "Bad Request", null, null);
        }
        List<String> recipients = recipients(mail.get("personalizations"));
        if (recipients.isEmpty()) {
            return error(HttpStatus.BAD_REQUEST, "The personalizations field is required and must have at least one "
                    + "personalization with a to email.", "personalizations", HELP + "#message.personalizations");
        }
        String from = mail.get("from") instanceof Map<?, ?> f && f.get("email") instanceof String e ? e : null;
        if (from == null || !from.contains("@")) {
            return error(HttpStatus.BAD_REQUEST, "The from object must be provided for every email send. "
                    + "It is an object that requires the email parameter, but may also contain a name parameter.",
                    "from.email", HELP + "#message.from");
        }
        String subject = mail.get("subject") instanceof String s && !s.isBlank() ? s : null;
        if (subject == null) {
            return error(HttpStatus.BAD_REQUEST, "The subject is required. You can get around this requirement if "
                    + "you use a template with a subject defined or if every personalization has a subject defined.",
                    "subject", HELP + "#message.subject");
        }
        String text = text(mail.get("content"));
        if (text == null) {
            return error(HttpStatus.BAD_REQUEST, "Unless a valid template_id is provided, the content parameter is "
                    + "required. There must be at least one defined content block. We typically suggest both "
                    + "text/plain and text/html blocks are included, but only one block is required.",
                    "content", HELP + "#message.content");
        }
        String id = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8)).substring(0, 22);
        recipients.forEach(to -> messages.add(new SimMessage(Provider.SENDGRID, id, from, to, subject, text,
                clock.instant())));
        return ResponseEntity.status(HttpStatus.ACCEPTED).header("X-Message-Id", id).build();
    }

    private static List<String> recipients(Object personalizations) {
        List<String> to = new ArrayList<>();
        if (personalizations instanceof List<?> list) {
            for (Object p : list) {
                if (p instanceof Map<?, ?> personalization && personalization.get("to") instanceof List<?> tos) {
                    tos.forEach(t -> {
                        if (t instanceof Map<?, ?> address && address.get("email") instanceof String email
                                && email.contains("@")) {
                            to.add(email);
                        }
                    });
                }
            }
        }
        return to;
    }

    /** The first content block's value (text/plain preferred), or null when there is none. */
    private static String text(Object content) {
        if (!(content instanceof List<?> blocks)) {
            return null;
        }
        String first = null;
        for (Object block : blocks) {
            if (block instanceof Map<?, ?> b && b.get("type") instanceof String type
                    && b.get("value") instanceof String value && !value.isEmpty()) {
                if (type.equals("text/plain")) {
                    return value;
                }
                first = first == null ? value : first;
            }
        }
        return first;
    }

    private boolean authenticated(String authorization) {
        byte[] expected = ("Bearer " + properties.sendgrid().apiKey()).getBytes(StandardCharsets.UTF_8);
        return authorization != null
                && MessageDigest.isEqual(authorization.getBytes(StandardCharsets.UTF_8), expected);
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message, String field,
                                                             String help) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("field", field);
        error.put("help", help);
        return ResponseEntity.status(status).body(Map.of("errors", List.of(error)));
    }
}
