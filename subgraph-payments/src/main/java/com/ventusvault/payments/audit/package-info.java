/**
 * The audit trail of money movements: every money-moving mutation and every provider-driven settlement writes an
 * {@code AuditRecorded} event to the transactional outbox in the transaction that moves the money (so a rolled-back
 * movement leaves no entry, and no committed one lacks it). Accounts copies these events into its append-only audit
 * log. Who acted and from where ({@link com.ventusvault.payments.audit.AuditOrigin}) travels in the Reactor context,
 * set once by the controller or webhook route.
 */
package com.ventusvault.payments.audit;
