package com.ventusvault.accounts.credentials;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Guessing defences for sign-in ({@code ventus.accounts.login.*}).
 *
 * @param attemptsPerMinute attempts (login, sendLoginCode, code checks of a signed-in user) allowed per account and
 *                          client IP in any sliding minute before TOO_MANY_ATTEMPTS (default 5)
 * @param lockoutFailures   failures in a row (wrong password or second factor, from any IP) that lock the account
 *                          (default 10)
 * @param lockoutDuration   how long a locked account refuses every sign-in (default 15 minutes)
 */
@ConfigurationProperties("ventus.accounts.login")
public record LoginProperties(@DefaultValue("5") int attemptsPerMinute, @DefaultValue("10") int lockoutFailures,
                              @DefaultValue("15m") Duration lockoutDuration) {

    public LoginProperties {
        if (attemptsPerMinute < 1 || lockoutFailures < 1 || lockoutDuration.isNegative() || lockoutDuration.isZero()) {
            throw new IllegalArgumentException("ventus.accounts.login.* must be positive");
        }
    }
}
