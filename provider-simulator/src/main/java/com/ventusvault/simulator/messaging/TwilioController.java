package com.ventusvault.simulator.messaging;

import com.ventusvault.simulator.Provider;
import com.ventusvault.simulator.config.SimulatorProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Twilio's create-message call below {@code /twilio}: {@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json},
 * form fields {@code To}, {@code From} (or {@code MessagingServiceSid}) and {@code Body}, HTTP basic auth with the
 * account sid and auth token. Answers as Twilio does: 201 with the message resource ({@code sid} {@code SM...},
 * {@code status} {@code queued}); 401 error 20003 for wrong credentials; 400 with Twilio's error codes for a bad
 * request (21211 invalid To, 21603 missing From, 21602 missing Body, 21617 body over 1600 characters). Twilio's magic
 * test numbers behave as with test credentials: {@code +15005550001} is invalid (21211), {@code +15005550009} cannot
 * receive SMS (21614).
 */
@RestController
@RequestMapping("/twilio/2010-04-01/Accounts/{accountSid}")
class TwilioController {

    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{1,14}");
    private static final DateTimeFormatter RFC_2822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);

    private final SimulatorProperties properties;
    private final SentMessages messages;
    private final Clock clock = Clock.systemUTC();

    TwilioController(SimulatorProperties properties, SentMessages messages) {
        this.properties = properties;
        this.messages = messages;
    }

    @PostMapping(path = "/Messages.json", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<ResponseEntity<Map<String, Object>>> create(@PathVariable String accountSid,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            ServerWebExchange exchange) {
        if (!authenticated(accountSid, authorization)) {
            return Mono.just(error(HttpStatus.UNAUTHORIZED, 20003, "Authenticate"));
        }
        return exchange.getFormData().map(form -> create(accountSid, form));
    }

    private ResponseEntity<Map<String, Object>> create(String accountSid, MultiValueMap<String, String> form) {
        String to = form.getFirst("To");
        String from = form.getFirst("From");
        String body = form.getFirst("Body");
        if (to == null || !E164.matcher(to).matches() || to.equals("+15005550001")) {
            return error(HttpStatus.BAD_REQUEST, 21211, "The 'To' number " + to + " is not a valid phone number.");
        }
        if (to.equals("+15005550009")) {
            return error(HttpStatus.BAD_REQUEST, 21614, "'To' number is not a valid mobile number");
        }
        if ((from == null || from.isBlank()) && form.getFirst("MessagingServiceSid") == null) {
            return error(HttpStatus.BAD_REQUEST, 21603, "The 'From' phone number is required.");
        }
        if (body == null || body.isEmpty()) {
            return error(HttpStatus.BAD_REQUEST, 21602, "Message body is required.");
        }
        if (body.length() > 1600) {
            return error(HttpStatus.BAD_REQUEST, 21617, "The concatenated message body exceeds the 1600 character limit.");
        }
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        var now = clock.instant();
        messages.add(new SimMessage(Provider.TWILIO, sid, from, to, null, body, now));
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("account_sid", accountSid);
        message.put("api_version", "2010-04-01");
        message.put("body", body);
        message.put("date_created", RFC_2822.format(now));
        message.put("date_sent", null);
        message.put("date_updated", RFC_2822.format(now));
        message.put("direction", "outbound-api");
        message.put("error_code", null);
        message.put("error_message", null);
        message.put("from", from);
        message.put("messaging_service_sid", form.getFirst("MessagingServiceSid"));
        message.put("num_media", "0");
        message.put("num_segments", String.valueOf(Math.max(1, (body.length() + 152) / 153)));
        message.put("price", null);
        message.put("price_unit", "USD");
        message.put("sid", sid);
        message.put("status", "queued");
        message.put("to", to);
        message.put("uri", "/2010-04-01/Accounts/" + accountSid + "/Messages/" + sid + ".json");
        return ResponseEntity.status(HttpStatus.CREATED).body(message);
    }

    private boolean authenticated(String accountSid, String authorization) {
        var twilio = properties.twilio();
        String expected = "Basic " + Base64.getEncoder().encodeToString(
                (twilio.accountSid() + ":" + twilio.authToken()).getBytes(StandardCharsets.UTF_8));
        return accountSid.equals(twilio.accountSid()) && authorization != null
                && MessageDigest.isEqual(authorization.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, int code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        body.put("more_info", "https://www.twilio.com/docs/errors/" + code);
        body.put("status", status.value());
        return ResponseEntity.status(status).body(body);
    }
}
