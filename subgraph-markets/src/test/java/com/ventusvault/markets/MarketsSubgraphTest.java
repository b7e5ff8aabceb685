package com.ventusvault.markets;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The one configuration every markets integration test runs with, so they share a single application context (and
 * therefore a single feed writing to the embedded PostgreSQL): a real server on a random port, a fast seeded feed.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = MarketsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=markets",
        "ventus.markets.tick-interval=200ms",
        "ventus.markets.seed=42"})
public @interface MarketsSubgraphTest {
}
