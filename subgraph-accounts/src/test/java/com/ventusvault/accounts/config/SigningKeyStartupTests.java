package com.ventusvault.accounts.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.ventusvault.accounts.tokens.SigningKeys;
import com.ventusvault.platform.security.AuthProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class SigningKeyStartupTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(AuthPropertiesOnly.class, AccountsConfiguration.class);

    @Test
    void startupFailsWithoutASigningKeyNamingBothProperties() {
        runner.run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("ventus.accounts.tokens.signing-key-path")
                    .hasMessageContaining("ventus.accounts.tokens.allow-generated-key");
        });
    }

    @Test
    void allowGeneratedKeySignsWithAFreshKey() {
        runner.withPropertyValues("ventus.accounts.tokens.allow-generated-key=true").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(SigningKeys.class);
            assertThat(context.getBean(SigningKeys.class).signingKey().isPrivate()).isTrue();
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AuthProperties.class)
    static class AuthPropertiesOnly {
    }
}
