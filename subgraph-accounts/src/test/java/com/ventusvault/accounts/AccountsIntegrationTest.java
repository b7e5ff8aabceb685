package com.ventusvault.accounts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The accounts app as it runs (accounts.yml, embedded PostgreSQL, Flyway, a real HTTP port). Every integration test
 * class uses exactly this, so they share one application context. It signs with a key generated at startup.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = AccountsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=accounts", "ventus.accounts.tokens.allow-generated-key=true"})
public @interface AccountsIntegrationTest {
}
