package com.ventusvault.platform.errors;

/**
 * The one list of {@code extensions.code} values a VentusVault GraphQL error can carry. Business failures of a
 * mutation are not errors: they are returned as {@code userErrors} data with their own codes.
 */
public enum ErrorCode {
    /** The request or an argument is malformed: bad amount, unknown currency, a missing or contradictory input. */
    BAD_REQUEST,
    /** The field needs a signed-in user and the request has no valid access token. */
    UNAUTHENTICATED,
    /** The user is signed in but may not see or change this object. */
    FORBIDDEN,
    /** The object does not exist (or the user may not know that it does). */
    NOT_FOUND,
    /** A rate, size or complexity limit was hit. */
    LIMIT_EXCEEDED,
    /** A price source has no price for what was asked (never had one, or does not quote it); retry later. */
    RATE_UNAVAILABLE,
    /** Something failed on our side; the message carries only a reference id. */
    INTERNAL
}
