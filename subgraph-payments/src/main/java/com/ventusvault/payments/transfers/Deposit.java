package com.ventusvault.payments.transfers;

import com.ventusvault.payments.providers.ProviderName;
import java.math.BigDecimal;

/**
 * A {@code deposit} request as the client sent it; {@link TransferService} validates it. With {@code provider} set it
 * is an on-ramp through that provider ({@code payouts.ProviderDeposits}), otherwise a demo-bank deposit.
 */
public record Deposit(String walletId, BigDecimal amount, String idempotencyKey, ProviderName provider) {
}
