package com.ventusvault.platform.errors;

import java.util.List;

/**
 * A failure the client can act on, turned into a GraphQL error whose {@code extensions} carry {@link #code()} and,
 * when the failure is about one input, the path of that input in {@code extensions.field}.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final List<String> field;

    public ApiException(ErrorCode code, String message) {
        this(code, message, List.of());
    }

    public ApiException(ErrorCode code, String message, List<String> field) {
        super(message);
        this.code = code;
        this.field = List.copyOf(field);
    }

    public static ApiException unauthenticated() {
        return new ApiException(ErrorCode.UNAUTHENTICATED,
                "This field needs a signed-in user: send 'Authorization: Bearer <accessToken>' with a token from the login mutation");
    }

    public static ApiException badInput(String message, String... field) {
        return new ApiException(ErrorCode.BAD_REQUEST, message, List.of(field));
    }

    public ErrorCode code() {
        return code;
    }

    public List<String> field() {
        return field;
    }
}
