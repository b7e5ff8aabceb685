package com.ventusvault.accounts.graphql;

import com.ventusvault.accounts.domain.Change;
import com.ventusvault.accounts.domain.Outcome;
import com.ventusvault.accounts.domain.ProfileUpdate;
import com.ventusvault.accounts.domain.UserId;
import com.ventusvault.accounts.passwords.Passwords;
import com.ventusvault.accounts.profile.Profiles;
import com.ventusvault.accounts.verification.EmailVerification;
import com.ventusvault.platform.errors.ApiException;
import com.ventusvault.platform.requests.RequestFacts;
import com.ventusvault.platform.security.Viewer;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * A user's own identity: confirming the email, changing or resetting the password, and the profile. The anonymous
 * mutations ({@code verifyEmail}, {@code requestPasswordReset}, {@code resetPassword}) are authorised by the mailed
 * token alone; the others need the signed-in user (a {@link Viewer} parameter: UNAUTHENTICATED without a valid token).
 */
@Controller
class IdentityController {

    private final EmailVerification verification;
    private final Passwords passwords;
    private final Profiles profiles;

    IdentityController(EmailVerification verification, Passwords passwords, Profiles profiles) {
        this.verification = verification;
        this.passwords = passwords;
        this.profiles = profiles;
    }

    @MutationMapping
    Mono<UserPayload> verifyEmail(@Argument String token, RequestFacts facts) {
        return verification.verify(token, facts).map(outcome -> UserPayload.of(outcome, true));
    }

    @MutationMapping
    Mono<ActionPayload> resendVerificationEmail(Viewer viewer) {
        return verification.resend(new UserId(viewer.userId())).map(ActionPayload::of);
    }

    @MutationMapping
    Mono<ActionPayload> changePassword(@Argument ChangePasswordInput input, Viewer viewer, RequestFacts facts) {
        return passwords.change(new UserId(viewer.userId()),
                        BoundedInput.require(input.currentPassword(), BoundedInput.PASSWORD, "input", "currentPassword"),
                        BoundedInput.require(input.newPassword(), BoundedInput.PASSWORD, "input", "newPassword"), facts)
                .map(ActionPayload::of);
    }

    @MutationMapping
    Mono<Boolean> requestPasswordReset(@Argument String email, RequestFacts facts) {
        return passwords.requestReset(BoundedInput.require(email, BoundedInput.EMAIL, "email"), facts);
    }

    @MutationMapping
    Mono<ActionPayload> resetPassword(@Argument ResetPasswordInput input, RequestFacts facts) {
        return passwords.reset(input.token(),
                BoundedInput.require(input.newPassword(), BoundedInput.PASSWORD, "input", "newPassword"), facts)
                .map(ActionPayload::of);
    }

    @MutationMapping
    Mono<UserPayload> updateProfile(@Argument Map<String, Object> input, Viewer viewer, RequestFacts facts) {
        return switch (ProfileUpdate.validate(text(input, "displayName"), text(input, "phone"), address(input))) {
            case ProfileUpdate.Invalid invalid -> Mono.just(UserPayload.of(
                    Outcome.refused(invalid.violations())));
            case ProfileUpdate.Valid valid -> profiles.update(new UserId(viewer.userId()), valid.update(), facts)
                    .map(UserPayload::of);
        };
    }

    /** Left out: keep; null: clear; a value: set. GraphQL has already checked the types against the schema. */
    private static Change<String> text(Map<String, Object> input, String name) {
        if (!input.containsKey(name)) {
            return Change.keep();
        }
        Object value = input.get(name);
        return value == null ? Change.clear() : Change.set(value.toString());
    }

    private static Change<ProfileUpdate.RawAddress> address(Map<String, Object> input) {
        if (!input.containsKey("address")) {
            return Change.keep();
        }
        if (!(input.get("address") instanceof Map<?, ?> address)) {
            if (input.get("address") == null) {
                return Change.clear();
            }
            throw ApiException.badInput("address must be an object", "input", "address");
        }
        return Change.set(new ProfileUpdate.RawAddress(string(address, "line1"), string(address, "line2"),
                string(address, "city"), string(address, "region"), string(address, "postalCode"),
                string(address, "country")));
    }

    private static String string(Map<?, ?> map, String name) {
        Object value = map.get(name);
        return value == null ? null : value.toString();
    }
}
