package com.ventusvault.simulator.messaging;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /_simulator/messages}: what Twilio and SendGrid accepted (GET), and forgetting it (DELETE). */
@RestController
@RequestMapping("/_simulator/messages")
class MessagesController {

    private final SentMessages messages;

    MessagesController(SentMessages messages) {
        this.messages = messages;
    }

    @GetMapping
    List<SimMessage> messages() {
        return messages.all();
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void clear() {
        messages.clear();
    }
}
