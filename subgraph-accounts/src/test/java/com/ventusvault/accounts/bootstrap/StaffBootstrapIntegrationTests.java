package com.ventusvault.accounts.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ventusvault.accounts.AccountsClient;
import com.ventusvault.accounts.AccountsIntegrationTest;
import com.ventusvault.accounts.domain.Role;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;

/** The bootstrap admin on the shared test app: created, promoted, left alone, or refused. */
@AccountsIntegrationTest
class StaffBootstrapIntegrationTests {

    private static final String ADMIN_PASSWORD = "admin password 42";

    @LocalServerPort
    int port;

    @Autowired
    StaffBootstrap bootstrap;

    @Autowired
    DatabaseClient database;

    AccountsClient accounts;

    @BeforeEach
    void connect() {
        accounts = new AccountsClient(port);
    }

    @Test
    void missingAdminIsCreatedAsCustomerAndAdminWithAnArgon2idHashAndCanLogIn() {
        String email = AccountsClient.uniqueEmail();

        BootstrapOutcome outcome = bootstrap.ensureAdmin(" " + email.toUpperCase() + " ", ADMIN_PASSWORD, "Ops Admin").block();

        assertThat(outcome).isInstanceOf(BootstrapOutcome.Created.class);
        assertThat(outcome.user().email()).isEqualTo(email);
        assertThat(outcome.user().roles()).containsExactly(Role.CUSTOMER, Role.ADMIN);
        assertThat(passwordHash(email)).startsWith("$argon2id$").doesNotContain(ADMIN_PASSWORD);
        Map<String, Object> user = login(email, ADMIN_PASSWORD);
        assertThat(user).containsEntry("roles", List.of("CUSTOMER", "ADMIN")).containsEntry("displayName", "Ops Admin");
    }

    @Test
    void runningAgainChangesNothing() {
        String email = AccountsClient.uniqueEmail();
        BootstrapOutcome first = bootstrap.ensureAdmin(email, ADMIN_PASSWORD, "Ops Admin").block();
        String hash = passwordHash(email);

        BootstrapOutcome second = bootstrap.ensureAdmin(email, "another password 99", "Someone Else").block();

        assertThat(second).isInstanceOf(BootstrapOutcome.AlreadyAdmin.class);
        assertThat(second.user()).isEqualTo(first.user());
        assertThat(passwordHash(email)).isEqualTo(hash);
        assertThat(usersWithEmail(email)).isEqualTo(1);
    }

    @Test
    void existingCustomerGetsAdminAddedAndKeepsTheirPassword() {
        String email = AccountsClient.uniqueEmail();
        String id = accounts.registerId(email);
        String hash = passwordHash(email);

        BootstrapOutcome outcome = bootstrap.ensureAdmin(email, ADMIN_PASSWORD, "Ops Admin").block();

        assertThat(outcome).isInstanceOf(BootstrapOutcome.Promoted.class);
        assertThat(outcome.user().id().value().toString()).isEqualTo(id);
        assertThat(outcome.user().roles()).containsExactly(Role.CUSTOMER, Role.ADMIN);
        assertThat(outcome.user().displayName()).isEqualTo("Test User");
        assertThat(passwordHash(email)).isEqualTo(hash);
        assertThat(login(email, AccountsClient.PASSWORD)).containsEntry("roles", List.of("CUSTOMER", "ADMIN"));
        assertThat(bootstrap.ensureAdmin(email, ADMIN_PASSWORD, "Ops Admin").block())
                .isInstanceOf(BootstrapOutcome.AlreadyAdmin.class);
    }

    @Test
    void configurationTheRegistrationRulesRefuseFailsWithoutStoringAnything() {
        String email = AccountsClient.uniqueEmail();

        assertThatThrownBy(() -> bootstrap.ensureAdmin(email, "short", "Ops Admin"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ventus.accounts.bootstrap-admin")
                .hasMessageContaining("at least 10 characters")
                .hasMessageNotContaining("short\"");
        assertThatThrownBy(() -> bootstrap.ensureAdmin("not an email", ADMIN_PASSWORD, "Ops Admin"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(usersWithEmail(email)).isZero();
    }

    private Map<String, Object> login(String email, String password) {
        return accounts.graphQl().documentName("login")
                .variable("input", Map.of("email", email, "password", password))
                .execute()
                .path("login.userErrors").entityList(Object.class).hasSize(0)
                .path("login.session.user").entity(Map.class).get();
    }

    private String passwordHash(String email) {
        return database.sql("select password_hash from users where email = :email").bind("email", email)
                .map(row -> row.get(0, String.class)).one().block();
    }

    private long usersWithEmail(String email) {
        return database.sql("select count(*) from users where email = :email").bind("email", email)
                .map(row -> row.get(0, Long.class)).one().block();
    }
}
