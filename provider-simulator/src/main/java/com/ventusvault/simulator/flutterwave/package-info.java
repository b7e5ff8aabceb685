/** Flutterwave v3's API under {@code /flutterwave/v3}: banks, account resolution, transfers, hosted payments. */
package com.ventusvault.simulator.flutterwave;
