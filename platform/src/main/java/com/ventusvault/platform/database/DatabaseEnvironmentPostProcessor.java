package com.ventusvault.platform.database;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a subgraph at its PostgreSQL schema before any auto-configuration runs.
 *
 * <p>A subgraph declares {@code ventus.database.schema} (its own schema, e.g. {@code payments}). The server is
 * {@code ventus.database.url} or the {@code DATABASE_URL} environment variable when set, else the JVM's embedded
 * PostgreSQL. From that this sets the R2DBC URL the subgraph runs on and the JDBC URL Flyway migrates through, so
 * the two can never disagree. Applications without {@code ventus.database.schema} (the gateway) are left alone.
 */
public class DatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String schema = environment.getProperty("ventus.database.schema");
        if (schema == null || schema.isBlank()) {
            return;
        }
        if (!schema.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("ventus.database.schema must be a lower-case SQL identifier, got '" + schema + "'");
        }
        String configured = environment.getProperty("ventus.database.url", environment.getProperty("DATABASE_URL", ""));
        DatabaseUrl server = configured.isBlank() ? EmbeddedPostgresServer.start() : DatabaseUrl.parse(configured);

        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.r2dbc.url", server.r2dbcUrl(schema));
        properties.put("spring.r2dbc.username", server.username());
        properties.put("spring.r2dbc.password", server.password());
        // JDBC serves only Flyway's migrations at startup; the running subgraph talks R2DBC.
        properties.put("spring.flyway.url", server.jdbcUrl(schema));
        properties.put("spring.flyway.user", server.username());
        properties.put("spring.flyway.password", server.password());
        properties.put("spring.flyway.schemas", schema);
        properties.put("spring.flyway.default-schema", schema);
        properties.put("spring.flyway.create-schemas", "true");
        environment.getPropertySources().addLast(new MapPropertySource("ventusDatabase", properties));
    }
}
