package com.ventusvault.accounts.verification;

/** What a mailed single-use token is for; a token of one purpose is never accepted for the other. */
public enum TokenPurpose {
    EMAIL_VERIFICATION,
    PASSWORD_RESET
}
