package com.ventusvault.payments.providers;

/** What a provider holds under one of our references: its own id, the mapped state and its words for it. */
record ProviderTransfer(String providerTransferId, ProviderState state, String reason) {
}
