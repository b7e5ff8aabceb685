package com.ventusvault.accounts.bootstrap;

import com.ventusvault.accounts.credentials.PasswordHasher;
import com.ventusvault.accounts.domain.Registration;
import com.ventusvault.accounts.domain.Role;
import com.ventusvault.accounts.domain.UserId;
import com.ventusvault.accounts.domain.Violation;
import com.ventusvault.accounts.persistence.UserRepository;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Makes sure the configured bootstrap admin exists when accounts starts: creates the user with roles CUSTOMER and
 * ADMIN (password hashed with Argon2id, as at registration) or adds ADMIN to an existing user. Running it again
 * changes nothing, and two instances starting together still end with one user (the email's unique constraint
 * decides, the loser adds the role instead). A configuration the registration rules refuse fails start-up.
 */
@Component
@EnableConfigurationProperties(BootstrapAdminProperties.class)
public class StaffBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StaffBootstrap.class);
    private static final List<Role> ADMIN_ROLES = List.of(Role.CUSTOMER, Role.ADMIN);

    private final BootstrapAdminProperties properties;
    private final UserRepository users;
    private final PasswordHasher hasher;

    public StaffBootstrap(BootstrapAdminProperties properties, UserRepository users, PasswordHasher hasher) {
        this.properties = properties;
        this.users = users;
        this.hasher = hasher;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.configured()) {
            log.debug("No bootstrap admin configured (ventus.accounts.bootstrap-admin.email / VENTUS_ADMIN_EMAIL)");
            return;
        }
        BootstrapOutcome outcome = ensureAdmin(properties.email(), properties.password(), properties.displayName()).block();
        switch (outcome) {
            case BootstrapOutcome.Created created -> log.info("Bootstrap admin {} created", created.user().email());
            case BootstrapOutcome.Promoted promoted -> log.info("Bootstrap admin {}: ADMIN added to the existing user",
                    promoted.user().email());
            case BootstrapOutcome.AlreadyAdmin admin -> log.info("Bootstrap admin {} already exists", admin.user().email());
        }
    }

    /**
     * Creates or promotes the admin. The password only matters when the user is created, but it must pass the
     * registration rules either way, so a bad configuration is noticed on the first start, not on a later one.
     */
    public Mono<BootstrapOutcome> ensureAdmin(String email, String password, String displayName) {
        Registration registration = switch (Registration.validate(email, password, displayName, null)) {
            case Registration.Valid valid -> valid.registration();
            case Registration.Invalid invalid -> throw new IllegalStateException(
                    "ventus.accounts.bootstrap-admin is not a valid account: " + invalid.violations().stream()
                            .map(Violation::message).collect(Collectors.joining("; ")));
        };
        return users.findCredentialsByEmail(registration.email())
                .flatMap(existing -> existing.user().roles().contains(Role.ADMIN)
                        ? Mono.just((BootstrapOutcome) new BootstrapOutcome.AlreadyAdmin(existing.user()))
                        : promote(registration.email()))
                .switchIfEmpty(Mono.defer(() -> hasher.hash(registration.password())
                        .flatMap(hash -> users.insertWithRoles(UserId.random(), registration, hash, ADMIN_ROLES))
                        .map(user -> (BootstrapOutcome) new BootstrapOutcome.Created(user))
                        // Another instance created the email between our lookup and our insert.
                        .switchIfEmpty(Mono.defer(() -> promote(registration.email())))));
    }

    private Mono<BootstrapOutcome> promote(String email) {
        return users.addRole(email, Role.ADMIN).map(BootstrapOutcome.Promoted::new);
    }
}
