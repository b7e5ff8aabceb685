package com.ventusvault.payments.providers;

/** The payment providers VentusVault pays out and charges through; same names as the GraphQL {@code PayoutProvider}. */
public enum ProviderName {
    PAYSTACK, FLUTTERWAVE
}
