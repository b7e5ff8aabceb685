package com.ventusvault.accounts.graphql;

import com.ventusvault.accounts.sessions.SessionService;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** {@code register} and {@code login}: anonymous mutations that answer with a session or user errors. */
@Controller
class AuthController {

    private final SessionService sessions;

    AuthController(SessionService sessions) {
        this.sessions = sessions;
    }

    @MutationMapping
    Mono<AuthPayload> register(@Argument RegisterInput input) {
        return sessions.register(input.email(), input.password(), input.displayName(), input.phone()).map(AuthPayload::of);
    }

    @MutationMapping
    Mono<AuthPayload> login(@Argument LoginInput input) {
        return sessions.login(input.email(), input.password()).map(AuthPayload::of);
    }
}
