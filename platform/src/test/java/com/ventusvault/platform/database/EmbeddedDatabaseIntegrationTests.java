package com.ventusvault.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;

@SpringBootTest(properties = {
        "ventus.database.schema=platformtest",
        "spring.flyway.locations=classpath:db/platformtest",
        "spring.main.web-application-type=none"})
class EmbeddedDatabaseIntegrationTests {

    @Autowired
    DatabaseClient database;

    @Autowired
    ConnectionFactory connectionFactory;

    @Test
    void runsOnTheEmbeddedServerInItsOwnSchemaMigratedByFlyway() {
        String label = database.sql("select label from probe where id = 1").map(row -> row.get("label", String.class))
                .one().block();
        String schema = database.sql("select current_schema()").map(row -> row.get(0, String.class)).one().block();
        String version = database.sql("show server_version").map(row -> row.get(0, String.class)).one().block();

        assertThat(label).isEqualTo("migrated by flyway");
        assertThat(schema).isEqualTo("platformtest");
        assertThat(version).startsWith("17.");
        assertThat(connectionFactory.getMetadata().getName()).isEqualTo("PostgreSQL");
    }

    @SpringBootApplication
    static class ProbeApplication {
    }
}
