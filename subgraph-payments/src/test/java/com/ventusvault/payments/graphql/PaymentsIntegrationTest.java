package com.ventusvault.payments.graphql;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * A payments integration test: the real app on a random port, demo funding on, trusting {@link PaymentsTestServer}'s
 * token issuer and calling its accounts stub. Classes that add nothing else (no extra properties or imports) get the
 * same context key, so Spring starts the server, pools and Flyway once for all of them. The properties come from one
 * shared initializer, not a per-class {@code @DynamicPropertySource} (each such method is part of the cache key).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=payments", "ventus.payments.demo-funding=true"})
@ContextConfiguration(initializers = PaymentsTestServer.Properties.class)
@interface PaymentsIntegrationTest {
}
