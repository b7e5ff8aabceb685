package com.ventusvault.accounts.persistence;

import com.ventusvault.accounts.domain.Address;
import com.ventusvault.accounts.domain.KycStatus;
import com.ventusvault.accounts.domain.Registration;
import com.ventusvault.accounts.domain.Role;
import com.ventusvault.accounts.domain.User;
import com.ventusvault.accounts.domain.UserId;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Users in PostgreSQL ({@code accounts.users}), read and written with explicit SQL over R2DBC. */
@Repository
public class UserRepository {

    private static final String COLUMNS = "id, email, display_name, phone, roles, kyc_status, created_at, "
            + "email_verified_at, address_line1, address_line2, address_city, address_region, address_postal_code, "
            + "address_country";
    private static final String EMAIL_UNIQUE_CONSTRAINT = "users_email_key";
    private static final String UNIQUE_VIOLATION = "23505";

    private final DatabaseClient database;

    public UserRepository(DatabaseClient database) {
        this.database = database;
    }

    /**
     * Stores a new customer. Emits the stored user, or nothing when the email is taken: the unique constraint on
     * {@code email} decides, so of two concurrent registrations of one address exactly one is stored. A taken email
     * is not an error in the database either ({@code on conflict do nothing}), so the caller's transaction stays
     * usable.
     */
    public Mono<User> insert(UserId id, Registration registration, String passwordHash) {
        var spec = database.sql("insert into users (id, email, password_hash, display_name, phone) "
                        + "values (:id, :email, :hash, :displayName, :phone) "
                        + "on conflict on constraint " + EMAIL_UNIQUE_CONSTRAINT + " do nothing returning " + COLUMNS)
                .bind("id", id.value())
                .bind("email", registration.email())
                .bind("hash", passwordHash)
                .bind("displayName", registration.displayName());
        spec = registration.phone() == null ? spec.bindNull("phone", String.class) : spec.bind("phone", registration.phone());
        return spec.map(UserRepository::user).one()
                .onErrorResume(UserRepository::isEmailTaken, e -> Mono.empty());
    }

    /**
     * Stores a new user with the given roles (staff bootstrap; registration always stores a CUSTOMER), with the email
     * verified: the operator who configured it vouches for it. Emits nothing when the email is taken, like
     * {@link #insert}.
     */
    public Mono<User> insertWithRoles(UserId id, Registration registration, String passwordHash, List<Role> roles) {
        String[] names = roles.stream().map(Role::name).toArray(String[]::new);
        return database.sql("insert into users (id, email, password_hash, display_name, roles, email_verified_at) "
                        + "values (:id, :email, :hash, :displayName, :roles, now()) returning " + COLUMNS)
                .bind("id", id.value())
                .bind("email", registration.email())
                .bind("hash", passwordHash)
                .bind("displayName", registration.displayName())
                .bind("roles", names)
                .map(UserRepository::user).one()
                .onErrorResume(UserRepository::isEmailTaken, e -> Mono.empty());
    }

    /**
     * Gives the user with this normalised email a role, in one statement (a user who has it keeps their roles as
     * they are). Emits the user as stored now, or nothing when no user has the email.
     */
    public Mono<User> addRole(String email, Role role) {
        return database.sql("update users set roles = case when :role = any(roles) then roles "
                        + "else array_append(roles, :role) end where email = :email returning " + COLUMNS)
                .bind("role", role.name())
                .bind("email", email)
                .map(UserRepository::user).one();
    }

    public Mono<User> findById(UserId id) {
        return database.sql("select " + COLUMNS + " from users where id = :id").bind("id", id.value())
                .map(UserRepository::user).one();
    }

    /** The users with these ids, in no particular order, in one query; unknown ids are simply absent. */
    public Flux<User> findAllById(Collection<UserId> ids) {
        if (ids.isEmpty()) {
            return Flux.empty();
        }
        UUID[] values = ids.stream().map(UserId::value).distinct().toArray(UUID[]::new);
        return database.sql("select " + COLUMNS + " from users where id = any(:ids)").bind("ids", values)
                .map(UserRepository::user).all();
    }

    /** Looks up by the normalised email. */
    public Mono<StoredCredentials> findCredentialsByEmail(String email) {
        return database.sql("select " + COLUMNS + ", password_hash from users where email = :email").bind("email", email)
                .map(row -> new StoredCredentials(user(row), row.get("password_hash", String.class))).one();
    }

    /** The id of the user with this normalised email. */
    public Mono<UserId> findIdByEmail(String email) {
        return database.sql("select id from users where email = :email").bind("email", email)
                .map(row -> new UserId(row.get("id", UUID.class))).one();
    }

    /** The user with this normalised email, without the password hash. */
    public Mono<User> findByEmail(String email) {
        return database.sql("select " + COLUMNS + " from users where email = :email").bind("email", email)
                .map(UserRepository::user).one();
    }

    /** The user's password hash, for checking their current password. */
    public Mono<String> findPasswordHash(UserId id) {
        return database.sql("select password_hash from users where id = :id").bind("id", id.value())
                .map(row -> row.get("password_hash", String.class)).one();
    }

    static User user(Readable row) {
        String[] roles = row.get("roles", String[].class);
        List<Role> parsedRoles = roles == null ? List.of() : Arrays.stream(roles).map(Role::valueOf).toList();
        Instant createdAt = row.get("created_at", OffsetDateTime.class).toInstant();
        return new User(new UserId(row.get("id", UUID.class)), row.get("email", String.class),
                row.get("display_name", String.class), row.get("phone", String.class), parsedRoles,
                KycStatus.valueOf(row.get("kyc_status", String.class)), createdAt,
                row.get("email_verified_at", OffsetDateTime.class) != null, address(row));
    }

    private static Address address(Readable row) {
        String line1 = row.get("address_line1", String.class);
        return line1 == null ? null : new Address(line1, row.get("address_line2", String.class),
                row.get("address_city", String.class), row.get("address_region", String.class),
                row.get("address_postal_code", String.class), row.get("address_country", String.class));
    }

    private static boolean isEmailTaken(Throwable error) {
        Throwable cause = error instanceof DataIntegrityViolationException ? error.getCause() : error;
        return cause instanceof R2dbcDataIntegrityViolationException violation
                && UNIQUE_VIOLATION.equals(violation.getSqlState())
                && String.valueOf(violation.getMessage()).contains(EMAIL_UNIQUE_CONSTRAINT);
    }
}
