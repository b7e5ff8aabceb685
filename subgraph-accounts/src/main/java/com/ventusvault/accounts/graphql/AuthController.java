package com.ventusvault.accounts.graphql;

import com.ventusvault.accounts.domain.UserId;
import com.ventusvault.accounts.sessions.SessionService;
import com.ventusvault.accounts.sessions.SessionTokens;
import com.ventusvault.platform.errors.ApiException;
import com.ventusvault.platform.errors.ErrorCode;
import com.ventusvault.platform.requests.RequestFacts;
import com.ventusvault.platform.security.Viewer;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Sessions: {@code register}, {@code login}, {@code refreshSession}, {@code logout}, {@code logoutEverywhere} and
 * {@code sendLoginCode}. Business refusals are user errors; oversized inputs are BAD_REQUEST.
 */
@Controller
class AuthController {

    private final SessionService sessions;
    private final SessionTokens tokens;

    AuthController(SessionService sessions, SessionTokens tokens) {
        this.sessions = sessions;
        this.tokens = tokens;
    }

    @MutationMapping
    Mono<AuthPayload> register(@Argument RegisterInput input, RequestFacts facts) {
        return sessions.register(input.email(), input.password(), input.displayName(), input.phone(), facts)
                .map(AuthPayload::of);
    }

    @MutationMapping
    Mono<AuthPayload> login(@Argument LoginInput input, RequestFacts facts) {
        BoundedInput.require(input.email(), BoundedInput.EMAIL, "input", "email");
        BoundedInput.require(input.password(), BoundedInput.PASSWORD, "input", "password");
        BoundedInput.require(input.totpCode(), BoundedInput.CODE, "input", "totpCode");
        BoundedInput.require(input.recoveryCode(), BoundedInput.CODE, "input", "recoveryCode");
        return sessions.login(input.credentials(), facts).map(AuthPayload::of);
    }

    @MutationMapping
    Mono<AuthPayload> refreshSession(@Argument String refreshToken, RequestFacts facts) {
        BoundedInput.require(refreshToken, BoundedInput.REFRESH_TOKEN, "refreshToken");
        return tokens.refresh(refreshToken, facts).map(AuthPayload::of);
    }

    @MutationMapping
    Mono<Boolean> logout(@Argument String refreshToken, RequestFacts facts) {
        BoundedInput.require(refreshToken, BoundedInput.REFRESH_TOKEN, "refreshToken");
        return tokens.logout(refreshToken, facts);
    }

    @MutationMapping
    Mono<ActionPayload> logoutEverywhere(Viewer viewer, RequestFacts facts) {
        return tokens.logoutEverywhere(new UserId(viewer.userId()), facts).thenReturn(ActionPayload.done());
    }

    /** True, or LIMIT_EXCEEDED (with the wait) when throttled: the throttle does not depend on the credentials. */
    @MutationMapping
    Mono<Boolean> sendLoginCode(@Argument LoginCodeInput input, RequestFacts facts) {
        BoundedInput.require(input.email(), BoundedInput.EMAIL, "input", "email");
        BoundedInput.require(input.password(), BoundedInput.PASSWORD, "input", "password");
        return sessions.sendLoginCode(input.email(), input.password(), facts).map(throttled -> {
            if (throttled.isPresent()) {
                throw new ApiException(ErrorCode.LIMIT_EXCEEDED, throttled.get().violation().message());
            }
            return true;
        });
    }
}
