package com.ventusvault.accounts;

import com.ventusvault.platform.testing.MutableClock;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link AccountsIntegrationTest} with a {@link MutableClock} as the app's clock and one pre-verified email
 * ({@link #PRE_VERIFIED_EMAIL}). Every identity test class uses exactly this, so they share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@AccountsIntegrationTest
@Import(MutableClock.Configuration.class)
@TestPropertySource(properties = "ventus.accounts.identity.pre-verified-emails=" + IdentityIntegrationTest.PRE_VERIFIED_EMAIL)
public @interface IdentityIntegrationTest {

    String PRE_VERIFIED_EMAIL = "Demo.Verified@Example.com";
}
