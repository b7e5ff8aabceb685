package com.ventusvault.accounts.graphql;

import com.ventusvault.accounts.domain.User;
import com.ventusvault.accounts.twofactor.SecondFactor;
import com.ventusvault.accounts.twofactor.TwoFactorOutcome;
import com.ventusvault.accounts.twofactor.TwoFactorSetup;
import com.ventusvault.platform.requests.RequestFacts;
import com.ventusvault.platform.security.Viewer;
import graphql.schema.DataFetchingEnvironment;
import java.util.HashSet;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Two-factor auth for the signed-in user ({@code beginTwoFactorSetup}, {@code confirmTwoFactor},
 * {@code disableTwoFactor}, {@code regenerateRecoveryCodes}) and {@code User.twoFactorEnabled}, private like email
 * and loaded for all users of a response in one query.
 */
@Controller
class TwoFactorController {

    private static final String ENABLED_LOADER = "twoFactorEnabledByUserId";

    private final TwoFactorSetup setup;

    TwoFactorController(TwoFactorSetup setup, SecondFactor secondFactor, BatchLoaderRegistry registry) {
        this.setup = setup;
        registry.<UUID, Boolean>forName(ENABLED_LOADER).registerMappedBatchLoader((ids, env) ->
                secondFactor.enabledAmong(ids).collect(Collectors.toCollection(HashSet::new))
                        .map(enabled -> ids.stream().collect(Collectors.toMap(Function.identity(), enabled::contains))));
    }

    @MutationMapping
    Mono<TwoFactorSetupPayload> beginTwoFactorSetup(Viewer viewer) {
        return setup.begin(viewer).map(TwoFactorSetupPayload::of);
    }

    @MutationMapping
    Mono<RecoveryCodesPayload> confirmTwoFactor(@Argument String code, Viewer viewer, RequestFacts facts) {
        BoundedInput.require(code, BoundedInput.CODE, "code");
        return setup.confirm(viewer, code, facts).map(RecoveryCodesPayload::of);
    }

    @MutationMapping
    Mono<ActionPayload> disableTwoFactor(@Argument DisableTwoFactorInput input, Viewer viewer, RequestFacts facts) {
        BoundedInput.require(input.password(), BoundedInput.PASSWORD, "input", "password");
        BoundedInput.require(input.code(), BoundedInput.CODE, "input", "code");
        return setup.disable(viewer, input.password(), input.code(), facts).map(outcome -> switch (outcome) {
            case TwoFactorOutcome.Done<Boolean> done -> ActionPayload.done();
            case TwoFactorOutcome.Refused<Boolean> refused -> ActionPayload.refused(refused.violation());
        });
    }

    @MutationMapping
    Mono<RecoveryCodesPayload> regenerateRecoveryCodes(@Argument String code, Viewer viewer, RequestFacts facts) {
        BoundedInput.require(code, BoundedInput.CODE, "code");
        return setup.regenerate(viewer, code, facts).map(RecoveryCodesPayload::of);
    }

    /** The user's own value for themself and staff; null for anyone else. */
    @SchemaMapping(typeName = "User", field = "twoFactorEnabled")
    CompletableFuture<Boolean> twoFactorEnabled(User user, DataFetchingEnvironment environment) {
        if (!UserPrivacyController.visible(user, environment)) {
            return CompletableFuture.completedFuture(null);
        }
        DataLoader<UUID, Boolean> loader = environment.getDataLoader(ENABLED_LOADER);
        return loader.load(user.id().value());
    }
}
