package com.ventusvault.accounts.graphql;

import com.ventusvault.accounts.domain.Role;
import com.ventusvault.accounts.domain.User;
import com.ventusvault.accounts.domain.UserId;
import com.ventusvault.accounts.staff.StaffActions;
import com.ventusvault.platform.requests.RequestFacts;
import com.ventusvault.platform.security.Viewer;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Staff operations: {@code userByEmail} and {@code setKycStatus} (SUPPORT or ADMIN), {@code setRoles} (ADMIN). The
 * gateway checks the token's scopes first; this subgraph checks the caller's stored roles again, so calling it
 * directly with a customer's token is FORBIDDEN too.
 */
@Controller
class StaffController {

    private final StaffActions staff;

    StaffController(StaffActions staff) {
        this.staff = staff;
    }

    @QueryMapping
    Mono<User> userByEmail(@Argument String email, Viewer viewer) {
        return staff.userByEmail(new UserId(viewer.userId()), BoundedInput.require(email, BoundedInput.EMAIL, "email"));
    }

    @MutationMapping
    Mono<UserPayload> setKycStatus(@Argument SetKycStatusInput input, Viewer viewer, RequestFacts facts) {
        return staff.setKycStatus(new UserId(viewer.userId()), input.userId(), input.status(), input.reason(), facts)
                .map(UserPayload::of);
    }

    @MutationMapping
    Mono<UserPayload> setRoles(@Argument String userId, @Argument List<Role> roles, Viewer viewer, RequestFacts facts) {
        return staff.setRoles(new UserId(viewer.userId()), userId, roles, facts).map(UserPayload::of);
    }
}
