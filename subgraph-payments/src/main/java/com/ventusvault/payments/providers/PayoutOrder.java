package com.ventusvault.payments.providers;

import com.ventusvault.payments.domain.Currency;
import com.ventusvault.payments.domain.Money;
import java.util.Objects;

/**
 * One payout to a Nigerian bank account, as handed to a provider.
 *
 * @param reference     our transfer id; the provider treats it as an idempotency key, so sending it twice to the same
 *                      provider never pays twice
 * @param amount        the amount the beneficiary receives, in NGN (providers want kobo: amount x 100)
 * @param bankCode      the beneficiary bank's code (CBN/NIBSS code, e.g. "058")
 * @param accountNumber the 10-digit NUBAN
 * @param accountName   the holder's name as resolved before
 * @param narration     the text shown on the beneficiary's statement
 */
public record PayoutOrder(String reference, Money amount, String bankCode, String accountNumber, String accountName,
                          String narration) {

    public PayoutOrder {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(bankCode, "bankCode");
        Objects.requireNonNull(accountNumber, "accountNumber");
        if (amount.currency() != Currency.NGN || !amount.isPositive()) {
            throw new IllegalArgumentException("A payout is a positive NGN amount, got " + amount);
        }
        accountName = accountName == null ? "" : accountName;
        narration = narration == null ? "" : narration;
    }
}
