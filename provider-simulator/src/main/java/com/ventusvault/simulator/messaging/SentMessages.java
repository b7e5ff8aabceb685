package com.ventusvault.simulator.messaging;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;

/** Every SMS and email the simulated providers accepted, oldest first, until cleared. */
@Component
public class SentMessages {

    private final List<SimMessage> messages = new CopyOnWriteArrayList<>();

    void add(SimMessage message) {
        messages.add(message);
    }

    public List<SimMessage> all() {
        return List.copyOf(messages);
    }

    public void clear() {
        messages.clear();
    }
}
