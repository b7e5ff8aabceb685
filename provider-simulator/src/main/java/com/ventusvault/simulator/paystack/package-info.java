/** Paystack's API under {@code /paystack}: banks, account resolution, recipients, transfers, transactions. */
package com.ventusvault.simulator.paystack;
