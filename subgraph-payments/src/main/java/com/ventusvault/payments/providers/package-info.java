/**
 * Payment providers (Paystack, Flutterwave): the seam the payout saga and deposits code against
 * ({@link com.ventusvault.payments.providers.PayoutProviders}, {@link com.ventusvault.payments.providers.ProviderWebhooks}),
 * the HTTP adapters that speak each provider's real API, and the router that scores providers by health, cost and
 * speed behind circuit breakers and retries.
 */
package com.ventusvault.payments.providers;
