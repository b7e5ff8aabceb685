package com.ventusvault.payments.graphql;

import com.ventusvault.payments.holds.HoldExpired;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;

/** Collects the HoldExpired events the app publishes (imported with the clock, so the clock tests share a context). */
@TestConfiguration(proxyBeanMethods = false)
class HoldEvents {

    final List<HoldExpired> expired = new CopyOnWriteArrayList<>();

    @EventListener
    void on(HoldExpired event) {
        expired.add(event);
    }
}
