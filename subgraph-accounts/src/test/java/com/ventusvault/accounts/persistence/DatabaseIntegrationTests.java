package com.ventusvault.accounts.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.ventusvault.accounts.AccountsIntegrationTest;
import com.ventusvault.platform.database.EmbeddedPostgresServer;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

@AccountsIntegrationTest
class DatabaseIntegrationTests {

    @Autowired
    ConnectionFactory connectionFactory;

    @Autowired
    DatabaseClient database;

    @Test
    void runsOnTheEmbeddedPostgresqlInTheAccountsSchema() {
        assertThat(connectionFactory.getMetadata().getName()).isEqualTo("PostgreSQL");
        String schema = database.sql("select current_schema()").map(row -> row.get(0, String.class)).one().block();
        String version = database.sql("show server_version").map(row -> row.get(0, String.class)).one().block();
        String usersTable = database.sql("select to_regclass('accounts.users')::text")
                .map(row -> row.get(0, String.class)).one().block();

        Integer port = database.sql("select inet_server_port()").map(row -> row.get(0, Integer.class)).one().block();

        assertThat(port).isEqualTo(EmbeddedPostgresServer.start().port());
        assertThat(schema).isEqualTo("accounts");
        assertThat(version).startsWith("17.");
        assertThat(usersTable).isEqualTo("users");
    }
}
