package com.ventusvault.accounts.config;

import com.ventusvault.accounts.credentials.LoginProperties;
import com.ventusvault.accounts.credentials.RandomSecrets;
import com.ventusvault.accounts.sessions.SessionProperties;
import java.security.SecureRandom;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans behind refresh tokens, login defences and two-factor auth: their properties and the secret source. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SessionProperties.class, LoginProperties.class})
class SessionsConfiguration {

    @Bean
    RandomSecrets randomSecrets() {
        return new RandomSecrets(new SecureRandom());
    }
}
