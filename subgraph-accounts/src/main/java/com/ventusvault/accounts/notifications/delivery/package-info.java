/**
 * Delivery of queued notifications after commit: the {@link com.ventusvault.accounts.notifications.delivery.DeliveryWorker}
 * claims due rows of {@code notification} ({@code for update skip locked}, so several instances share the queue),
 * hands each to the {@link com.ventusvault.accounts.notifications.delivery.Courier} of its channel (Twilio for SMS,
 * SendGrid for email, or the local sink), and records the outcome: SENT, a retry with backoff, or FAILED.
 */
package com.ventusvault.accounts.notifications.delivery;
