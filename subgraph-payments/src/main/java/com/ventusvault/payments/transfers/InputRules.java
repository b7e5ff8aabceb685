package com.ventusvault.payments.transfers;

import com.ventusvault.payments.domain.TransferRequest;
import com.ventusvault.platform.errors.ApiException;
import java.math.BigDecimal;

/**
 * The malformed-input checks that every money-moving mutation shares (sendMoney, deposit, createEscrow): they throw
 * a BAD_REQUEST {@link ApiException} naming the input field, before anything is looked up or recorded.
 */
public final class InputRules {

    private InputRules() {
    }

    /**
     * Exactly one of a wallet id and an email names the recipient.
     *
     * @return whether the recipient is named by wallet id
     */
    public static boolean byWallet(String toWalletId, String toEmail) {
        boolean byWallet = present(toWalletId);
        if (byWallet == present(toEmail)) {
            throw ApiException.badInput("Give exactly one of input.toWalletId and input.toEmail, got "
                    + (byWallet ? "both" : "neither"), "input");
        }
        return byWallet;
    }

    /** An idempotency key of 1 to {@link TransferRequest#MAX_KEY_LENGTH} characters; {@code per}: "payment", … */
    public static void requireKey(String key, String per) {
        if (key == null || key.isBlank() || key.length() > TransferRequest.MAX_KEY_LENGTH) {
            throw ApiException.badInput("idempotencyKey must be 1 to " + TransferRequest.MAX_KEY_LENGTH
                    + " characters, e.g. a UUID you generate once per " + per, "input", "idempotencyKey");
        }
    }

    /** An amount greater than zero. */
    public static void requirePositive(BigDecimal amount) {
        if (amount == null || amount.signum() <= 0) {
            throw ApiException.badInput("Amount must be greater than zero, got "
                    + (amount == null ? "nothing" : amount.toPlainString()), "input", "amount");
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
