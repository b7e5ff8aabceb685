package com.ventusvault.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTests {

    @Test
    void readsTheLibpqForm() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://vv:s%40cret@db.internal:6543/ventus");
        assertThat(url).isEqualTo(new DatabaseUrl("db.internal", 6543, "ventus", "vv", "s@cret", null));
        assertThat(url.r2dbcUrl("payments")).isEqualTo("r2dbc:postgresql://db.internal:6543/ventus?schema=payments");
    }

    @Test
    void readsTheJdbcFormWithCredentialsInTheQuery() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://localhost/ventus?user=app&password=pw");
        assertThat(url).isEqualTo(new DatabaseUrl("localhost", 5432, "ventus", "app", "pw", null));
        assertThat(url.jdbcUrl("accounts")).isEqualTo("jdbc:postgresql://localhost:5432/ventus?currentSchema=accounts");
    }

    @Test
    void carriesSslModeToBothDrivers() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://vv:pw@db.internal/ventus?sslmode=verify-full");
        assertThat(url.jdbcUrl("ai")).endsWith("currentSchema=ai&sslmode=verify-full");
        assertThat(url.r2dbcUrl("ai")).endsWith("schema=ai&sslMode=verify-full");
    }

    @Test
    void refusesParametersItWouldOtherwiseDrop() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://vv:pw@db.internal/ventus?sslrootcert=/etc/ca.pem"))
                .hasMessageContaining("sslrootcert");
    }

    @Test
    void refusesOtherSchemesWithoutEchoingThePassword() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://root:hunter2@localhost/db"))
                .hasMessageContaining("postgresql://user:password@host:5432/db")
                .hasMessageNotContaining("hunter2");
    }
}
