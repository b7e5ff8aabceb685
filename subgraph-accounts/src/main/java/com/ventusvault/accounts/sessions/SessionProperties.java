package com.ventusvault.accounts.sessions;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Refresh tokens ({@code ventus.accounts.sessions.*}).
 *
 * @param refreshTtl how long a refresh token works if it is not exchanged (default 30 days); each exchange issues a
 *                   new one with a fresh lifetime
 */
@ConfigurationProperties("ventus.accounts.sessions")
public record SessionProperties(@DefaultValue("30d") Duration refreshTtl) {

    public SessionProperties {
        if (refreshTtl.isNegative() || refreshTtl.isZero()) {
            throw new IllegalArgumentException("ventus.accounts.sessions.refresh-ttl must be positive, got " + refreshTtl);
        }
    }
}
