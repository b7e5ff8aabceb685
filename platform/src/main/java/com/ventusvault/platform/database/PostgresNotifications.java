package com.ventusvault.platform.database;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * {@code LISTEN} on a PostgreSQL channel over a connection of its own (a pooled connection cannot wait for
 * notifications), as the app's {@code spring.r2dbc.*} settings reach the database. The flux reconnects with backoff
 * when the connection drops: a listener must therefore also poll, as notifications sent meanwhile are lost.
 */
public final class PostgresNotifications {

    private static final Logger log = LoggerFactory.getLogger(PostgresNotifications.class);

    private final ConnectionFactoryOptions options;

    public PostgresNotifications(ConnectionFactoryOptions options) {
        this.options = options;
    }

    /** From the app's {@code spring.r2dbc.url}, {@code username} and {@code password}. */
    public static PostgresNotifications of(Environment environment) {
        var options = ConnectionFactoryOptions.parse(environment.getRequiredProperty("spring.r2dbc.url")).mutate();
        String username = environment.getProperty("spring.r2dbc.username", "");
        String password = environment.getProperty("spring.r2dbc.password", "");
        if (!username.isEmpty()) {
            options.option(ConnectionFactoryOptions.USER, username);
        }
        if (!password.isEmpty()) {
            options.option(ConnectionFactoryOptions.PASSWORD, password);
        }
        return new PostgresNotifications(options.build());
    }

    /** Every notification's payload on {@code channel} (a plain identifier), for as long as the flux is subscribed. */
    public Flux<String> listen(String channel) {
        if (!channel.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain channel name: " + channel);
        }
        return Flux.usingWhen(Mono.from(ConnectionFactories.get(options).create()).cast(PostgresqlConnection.class),
                        connection -> connection.createStatement("LISTEN " + channel).execute()
                                .flatMap(PostgresqlResult::getRowsUpdated)
                                .thenMany(connection.getNotifications())
                                .map(notification -> notification.getParameter() == null ? "" : notification.getParameter()),
                        connection -> connection.close())
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30))
                        .doBeforeRetry(signal -> log.warn("Listening on {} failed; reconnecting", channel,
                                signal.failure())));
    }
}
