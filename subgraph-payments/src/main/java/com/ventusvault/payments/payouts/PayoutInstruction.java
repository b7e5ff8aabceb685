package com.ventusvault.payments.payouts;

import com.ventusvault.payments.domain.AccountId;
import com.ventusvault.payments.domain.Money;
import com.ventusvault.payments.domain.TransferKind;
import com.ventusvault.payments.domain.TransferRequest;
import com.ventusvault.payments.providers.ProviderName;
import java.util.Optional;
import java.util.UUID;

/**
 * A validated payout request: an NGN amount at scale, a well-formed bank account, an optional provider, narration and
 * idempotency key. The wallet is still the client's text (an unknown one is WALLET_NOT_FOUND, as for other mutations).
 */
public record PayoutInstruction(String walletId, Money amount, String bankCode, String accountNumber,
                                Optional<ProviderName> provider, String narration, String idempotencyKey) {

    /**
     * The request for idempotency: the same key with the same wallet, amount, bank account, provider choice and
     * narration is a replay; anything else is IDEMPOTENCY_KEY_REUSED.
     */
    public TransferRequest request(UUID user, AccountId wallet) {
        String recipient = "bank:" + bankCode + "/" + accountNumber + "/" + provider.map(Enum::name).orElse("ROUTER");
        return new TransferRequest(user, TransferKind.PAYOUT, wallet, recipient, amount, narration, idempotencyKey);
    }
}
