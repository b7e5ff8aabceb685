package com.ventusvault.payments.graphql;

import java.util.List;

/** Result of {@code openWallet}. */
public record WalletPayload(Wallet wallet, List<UserError> userErrors) {
}
