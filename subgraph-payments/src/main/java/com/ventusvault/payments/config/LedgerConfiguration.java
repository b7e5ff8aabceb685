package com.ventusvault.payments.config;

import com.ventusvault.payments.domain.FeeSchedule;
import com.ventusvault.payments.domain.Ledger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Wires the pure ledger rules to their configuration, and the transactions postings run in; turns on scheduling
 * for the hold expiry sweep.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class LedgerConfiguration {

    /** The one fee schedule: what P2P, escrow and payouts charge, and what {@code feeQuote} quotes. */
    @Bean
    FeeSchedule feeSchedule(PaymentsProperties properties) {
        return new FeeSchedule(properties.fees().p2pRate(), properties.fees().escrowRate(), properties.fees().payoutRate());
    }

    @Bean
    Ledger ledger(FeeSchedule feeSchedule) {
        return new Ledger(feeSchedule);
    }

    @Bean
    TransactionalOperator ledgerTransactions(ReactiveTransactionManager transactionManager) {
        return TransactionalOperator.create(transactionManager);
    }
}
