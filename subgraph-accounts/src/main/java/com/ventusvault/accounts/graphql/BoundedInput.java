package com.ventusvault.accounts.graphql;

import com.ventusvault.platform.errors.ApiException;

/**
 * Upper bounds on the size of free-text secrets and identifiers the auth mutations accept. Anything longer is
 * malformed (BAD_REQUEST), refused before it reaches a hash, a throttle key or the database.
 */
final class BoundedInput {

    static final int EMAIL = 320;
    static final int PASSWORD = 1024;
    static final int CODE = 64;
    static final int REFRESH_TOKEN = 256;

    private BoundedInput() {
    }

    /** {@code value} itself, or BAD_REQUEST naming {@code field} when it is longer than {@code max} characters. */
    static String require(String value, int max, String... field) {
        if (value != null && value.length() > max) {
            throw ApiException.badInput("Too long: at most " + max + " characters", field);
        }
        return value;
    }
}
