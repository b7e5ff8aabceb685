package com.ventusvault.accounts.lookup;

import com.ventusvault.accounts.domain.EmailAddress;
import com.ventusvault.accounts.persistence.UserRepository;
import com.ventusvault.platform.security.AccessTokenVerifier;
import com.ventusvault.platform.security.AccessTokenVerifier.InvalidTokenException;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /internal/users/lookup}: the id of the user with an email, for payments' {@code sendMoney(toEmail)}.
 * Like every VentusVault endpoint it trusts no network: the caller forwards the signed-in user's bearer token, which
 * is verified here ({@code 401 {"error":"UNAUTHENTICATED"}} without a valid one). Answers {@code 200 {"id":"<uuid>"}},
 * {@code 404 {"error":"NOT_FOUND"}}, or {@code 400 {"error":"BAD_REQUEST"}} when the body has no email.
 */
@RestController
class UserLookupController {

    private final AccessTokenVerifier verifier;
    private final UserRepository users;

    UserLookupController(AccessTokenVerifier verifier, UserRepository users) {
        this.verifier = verifier;
        this.users = users;
    }

    /** The request body. */
    record LookupRequest(String email) {
    }

    @PostMapping(path = "/internal/users/lookup", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Map<String, String>>> lookup(
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody(required = false) LookupRequest request) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Mono.just(unauthenticated());
        }
        return verifier.verify(authorization.substring(7).strip())
                .flatMap(viewer -> find(request))
                .onErrorResume(InvalidTokenException.class, e -> Mono.just(unauthenticated()));
    }

    private Mono<ResponseEntity<Map<String, String>>> find(LookupRequest request) {
        if (request == null || request.email() == null || request.email().isBlank()) {
            return Mono.just(ResponseEntity.badRequest().body(Map.of("error", "BAD_REQUEST")));
        }
        return users.findIdByEmail(EmailAddress.normalise(request.email()))
                .map(id -> ResponseEntity.ok(Map.of("id", id.value().toString())))
                .defaultIfEmpty(ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "NOT_FOUND")));
    }

    private static ResponseEntity<Map<String, String>> unauthenticated() {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .body(Map.of("error", "UNAUTHENTICATED"));
    }
}
