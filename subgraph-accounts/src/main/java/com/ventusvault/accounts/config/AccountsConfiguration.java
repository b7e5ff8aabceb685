package com.ventusvault.accounts.config;

import com.ventusvault.accounts.credentials.PasswordHasher;
import com.ventusvault.accounts.tokens.AccessTokenIssuer;
import com.ventusvault.accounts.tokens.SigningKeyReader;
import com.ventusvault.accounts.tokens.SigningKeys;
import com.ventusvault.accounts.tokens.TokenProperties;
import com.ventusvault.platform.security.AuthProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import reactor.core.scheduler.Schedulers;

/** The beans behind sessions: the signing keys, the token issuer and the Argon2id password hasher. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TokenProperties.class)
class AccountsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AccountsConfiguration.class);

    @Bean
    SigningKeys signingKeys(TokenProperties properties) {
        if (properties.signingKeyPath() != null) {
            SigningKeys keys = SigningKeyReader.read(properties.signingKeyPath());
            log.info("Signing access tokens with key {} from {}", keys.signingKey().getKeyID(), properties.signingKeyPath());
            return keys;
        }
        if (!properties.allowGeneratedKey()) {
            throw new IllegalStateException("No access-token signing key: set ventus.accounts.tokens.signing-key-path "
                    + "to an RSA private key file, or set ventus.accounts.tokens.allow-generated-key=true to sign with a "
                    + "key generated at startup (tests and demos only: tokens die with the process)");
        }
        SigningKeys keys = SigningKeys.generate();
        log.warn("ventus.accounts.tokens.signing-key-path is not set and allow-generated-key is true: signing access "
                + "tokens with a key generated at startup ({}); tokens do not survive a restart and other accounts "
                + "instances cannot verify them", keys.signingKey().getKeyID());
        return keys;
    }

    @Bean
    AccessTokenIssuer accessTokenIssuer(SigningKeys keys, AuthProperties auth, TokenProperties tokens) {
        return new AccessTokenIssuer(keys, auth, tokens);
    }

    @Bean
    PasswordHasher passwordHasher() {
        return new PasswordHasher(Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(), Schedulers.boundedElastic());
    }
}
