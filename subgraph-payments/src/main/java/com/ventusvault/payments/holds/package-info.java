/**
 * Two-phase holds: a reservation on a wallet ({@code held}) that is posted (in full or in part), voided, or expired,
 * exactly once; {@link com.ventusvault.payments.holds.HoldService} is the API payouts use.
 */
package com.ventusvault.payments.holds;
