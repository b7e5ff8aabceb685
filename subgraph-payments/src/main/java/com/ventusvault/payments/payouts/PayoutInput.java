package com.ventusvault.payments.payouts;

import com.ventusvault.payments.domain.AmountCheck;
import com.ventusvault.payments.domain.Currency;
import com.ventusvault.payments.domain.Money;
import com.ventusvault.payments.domain.TransferRequest;
import com.ventusvault.payments.providers.ProviderName;
import com.ventusvault.platform.errors.ApiException;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A {@code requestPayout} input as the client sent it (the GraphQL {@code PayoutInput}). {@link #validate()} turns it
 * into a {@link PayoutInstruction} or refuses it with BAD_REQUEST naming the field; nothing is written before that.
 */
public record PayoutInput(String walletId, BigDecimal amount, String bankCode, String accountNumber,
                          ProviderName provider, String narration, String idempotencyKey) {

    /** The longest narration a payout may carry (providers show it on the beneficiary's statement). */
    public static final int MAX_NARRATION = 100;

    private static final Pattern BANK_CODE = Pattern.compile("[0-9]{3,6}");
    private static final Pattern NUBAN = Pattern.compile("[0-9]{10}");

    /**
     * Checks every field that can be judged without the database: amount positive and at the NGN scale, bank code
     * 3 to 6 digits, account number 10 digits (NUBAN), narration at most 100 characters, idempotency key 1 to 255.
     */
    public PayoutInstruction validate() {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > TransferRequest.MAX_KEY_LENGTH) {
            throw ApiException.badInput("idempotencyKey must be 1 to " + TransferRequest.MAX_KEY_LENGTH
                    + " characters, e.g. a UUID you generate once per payout", "input", "idempotencyKey");
        }
        Money money = switch (AmountCheck.of(amount, Currency.NGN)) {
            case AmountCheck.Valid valid -> valid.money();
            case AmountCheck.Invalid invalid -> throw ApiException.badInput(invalid.message(), "input", "amount");
        };
        String bank = bankCode == null ? "" : bankCode.strip();
        if (!BANK_CODE.matcher(bank).matches()) {
            throw ApiException.badInput("bankCode must be 3 to 6 digits (the CBN code, e.g. \"058\"), got \""
                    + bank + "\"", "input", "bankCode");
        }
        String account = accountNumber == null ? "" : accountNumber.strip();
        if (!NUBAN.matcher(account).matches()) {
            // The number itself is not echoed back: it is a personal detail.
            throw ApiException.badInput("accountNumber must be the 10-digit NUBAN, got " + account.length()
                    + " characters", "input", "accountNumber");
        }
        String text = narration == null || narration.isBlank() ? null : narration.strip();
        if (text != null && text.length() > MAX_NARRATION) {
            throw ApiException.badInput("narration has at most " + MAX_NARRATION + " characters, got " + text.length(),
                    "input", "narration");
        }
        return new PayoutInstruction(walletId, money, bank, account, Optional.ofNullable(provider), text,
                idempotencyKey);
    }
}
