/**
 * Reacts to what payments did: reads payments' transactional outbox (same PostgreSQL, its own schema), copies its
 * {@code AuditRecorded} events into the audit log and turns money received and payouts paid into notifications, each
 * event exactly once.
 */
package com.ventusvault.accounts.paymentevents;
