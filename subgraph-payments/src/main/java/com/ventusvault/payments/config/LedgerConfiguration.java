package com.ventusvault.payments.config;

import com.ventusvault.payments.domain.FeeSchedule;
import com.ventusvault.payments.domain.Ledger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Wires the pure ledger rules to their configuration, and the transactions postings run in. */
@Configuration(proxyBeanMethods = false)
class LedgerConfiguration {

    @Bean
    Ledger ledger(PaymentsProperties properties) {
        return new Ledger(new FeeSchedule(properties.fees().p2pRate()));
    }

    @Bean
    TransactionalOperator ledgerTransactions(ReactiveTransactionManager transactionManager) {
        return TransactionalOperator.create(transactionManager);
    }
}
