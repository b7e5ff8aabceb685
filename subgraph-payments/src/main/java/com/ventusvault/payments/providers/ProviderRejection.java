package com.ventusvault.payments.providers;

/**
 * A provider refused the request for a reason retrying will not fix (unknown account, invalid bank code, bad amount,
 * duplicate reference with different details). {@code code} is SCREAMING_CASE and fit for a {@code userErrors} entry,
 * e.g. {@code INVALID_BANK_ACCOUNT}, {@code PROVIDER_REJECTED}.
 */
public class ProviderRejection extends RuntimeException {

    private final String code;

    public ProviderRejection(String code, String message) {
        super(message);
        this.code = code;
    }

    /** The SCREAMING_CASE refusal code. */
    public String code() {
        return code;
    }
}
