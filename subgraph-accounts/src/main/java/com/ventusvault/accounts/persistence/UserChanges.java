package com.ventusvault.accounts.persistence;

import com.ventusvault.accounts.domain.Address;
import com.ventusvault.accounts.domain.Change;
import com.ventusvault.accounts.domain.KycStatus;
import com.ventusvault.accounts.domain.ProfileUpdate;
import com.ventusvault.accounts.domain.Role;
import com.ventusvault.accounts.domain.User;
import com.ventusvault.accounts.domain.UserId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The writes to {@code accounts.users} after registration: profile, password, verified email, KYC status and roles
 * (ending sessions is {@code SessionTokens.endEverySession}). Each is one statement that returns the user as stored now (or nothing for an unknown id), so
 * callers inside a transaction see their own write.
 */
@Repository
public class UserChanges {

    private static final String RETURNING = " returning id, email, display_name, phone, roles, kyc_status, created_at, "
            + "email_verified_at, address_line1, address_line2, address_city, address_region, address_postal_code, "
            + "address_country";

    private final DatabaseClient database;

    public UserChanges(DatabaseClient database) {
        this.database = database;
    }

    /** The user, locked until the transaction ends, so a read-check-write cannot interleave with another. */
    public Mono<User> lock(UserId id) {
        return database.sql("select id, email, display_name, phone, roles, kyc_status, created_at, email_verified_at, "
                        + "address_line1, address_line2, address_city, address_region, address_postal_code, "
                        + "address_country from users where id = :id for update")
                .bind("id", id.value()).map(UserRepository::user).one();
    }

    /** Applies a checked profile update; fields it keeps are left as stored. */
    public Mono<User> updateProfile(UserId id, ProfileUpdate update) {
        var spec = database.sql("update users set "
                        + "display_name = case when :setName then :name else display_name end, "
                        + "phone = case when :setPhone then :phone else phone end, "
                        + "address_line1 = case when :setAddress then :line1 else address_line1 end, "
                        + "address_line2 = case when :setAddress then :line2 else address_line2 end, "
                        + "address_city = case when :setAddress then :city else address_city end, "
                        + "address_region = case when :setAddress then :region else address_region end, "
                        + "address_postal_code = case when :setAddress then :postalCode else address_postal_code end, "
                        + "address_country = case when :setAddress then :country else address_country end "
                        + "where id = :id" + RETURNING)
                .bind("id", id.value())
                .bind("setName", update.displayName().changes())
                .bind("setPhone", update.phone().changes())
                .bind("setAddress", update.address().changes());
        spec = bindText(spec, "name", update.displayName().applyTo(null));
        spec = bindText(spec, "phone", update.phone().applyTo(null));
        Address address = update.address() instanceof Change.Set<Address> set ? set.value() : null;
        spec = bindText(spec, "line1", address == null ? null : address.line1());
        spec = bindText(spec, "line2", address == null ? null : address.line2());
        spec = bindText(spec, "city", address == null ? null : address.city());
        spec = bindText(spec, "region", address == null ? null : address.region());
        spec = bindText(spec, "postalCode", address == null ? null : address.postalCode());
        spec = bindText(spec, "country", address == null ? null : address.country());
        return spec.map(UserRepository::user).one();
    }

    /** Replaces the password hash (ending the user's sessions is the caller's next step). */
    public Mono<User> replacePassword(UserId id, String passwordHash) {
        return database.sql("update users set password_hash = :hash where id = :id" + RETURNING)
                .bind("id", id.value()).bind("hash", passwordHash)
                .map(UserRepository::user).one();
    }

    /** Marks the email verified (keeping the first time it was). */
    public Mono<User> markEmailVerified(UserId id, Instant at) {
        return database.sql("update users set email_verified_at = coalesce(email_verified_at, :at) where id = :id"
                        + RETURNING)
                .bind("id", id.value()).bind("at", at)
                .map(UserRepository::user).one();
    }

    /** Marks these normalised emails verified, where they have accounts; emits how many were newly verified. */
    public Mono<Long> markEmailsVerified(Collection<String> emails, Instant at) {
        if (emails.isEmpty()) {
            return Mono.just(0L);
        }
        return database.sql("update users set email_verified_at = :at where email = any(:emails) "
                        + "and email_verified_at is null")
                .bind("emails", emails.toArray(String[]::new)).bind("at", at)
                .fetch().rowsUpdated();
    }

    public Mono<User> setKycStatus(UserId id, KycStatus status) {
        return database.sql("update users set kyc_status = :status where id = :id" + RETURNING)
                .bind("id", id.value()).bind("status", status.name())
                .map(UserRepository::user).one();
    }

    /** Replaces the roles. */
    public Mono<User> setRoles(UserId id, List<Role> roles) {
        return database.sql("update users set roles = :roles where id = :id" + RETURNING)
                .bind("id", id.value())
                .bind("roles", roles.stream().map(Role::name).toArray(String[]::new))
                .map(UserRepository::user).one();
    }

    private static DatabaseClient.GenericExecuteSpec bindText(DatabaseClient.GenericExecuteSpec spec, String name,
                                                              String value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
    }
}
