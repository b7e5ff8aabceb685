/**
 * Provider webhooks: {@code POST /webhooks/paystack} and {@code /webhooks/flutterwave} on the payments server,
 * verified with each provider's signature scheme, recorded once per provider event id (replays change nothing), and
 * handed to the payout saga or the deposit on-ramp.
 */
package com.ventusvault.payments.webhooks;
