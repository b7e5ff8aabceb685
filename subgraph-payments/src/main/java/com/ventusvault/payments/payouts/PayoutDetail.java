package com.ventusvault.payments.payouts;

import com.ventusvault.payments.domain.Money;
import com.ventusvault.payments.domain.TransferId;
import com.ventusvault.payments.holds.HoldId;
import com.ventusvault.payments.providers.ProviderName;
import java.time.Instant;

/**
 * Where a payout goes and how far it got with the provider (a {@code payout_detail} row).
 *
 * @param preferred          the provider the client asked for, {@code null} when the router chooses
 * @param provider           who resolved the account, then who accepted the payout; {@code null} before resolution
 * @param accountNumber      the full NUBAN (the API shows {@link #accountNumberLast4()} only)
 * @param platformFee        the platform's part of the fee the hold covers
 * @param providerFee        the provider's part of the fee the hold covers
 * @param hold               the balance reservation, {@code null} until BALANCE_RESERVED
 * @param providerTransferId the provider's id of the transfer, once accepted
 * @param lastCheckedAt      when the worker last sent it or asked the provider about it
 */
public record PayoutDetail(TransferId transfer, ProviderName preferred, ProviderName provider, String bankCode,
                           String accountNumber, String accountName, String narration, Money platformFee,
                           Money providerFee, HoldId hold, String providerTransferId, Instant lastCheckedAt) {

    public String accountNumberLast4() {
        return accountNumber.substring(accountNumber.length() - 4);
    }

    /** Platform plus provider fee: what is held and debited on top of the amount. */
    public Money totalFee() {
        return platformFee.plus(providerFee);
    }
}
