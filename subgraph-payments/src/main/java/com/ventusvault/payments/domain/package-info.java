/**
 * The ledger's model and rules, free of Spring, R2DBC and GraphQL: {@link com.ventusvault.payments.domain.Money} at
 * per-currency scale, {@link com.ventusvault.payments.domain.Ledger} planning balanced postings, sealed results.
 */
package com.ventusvault.payments.domain;
