package com.ventusvault.payments.domain;

/** What {@link Ledger} decided: postings to write, or the business reason not to. */
public sealed interface PlanResult {

    record Planned(TransferPlan plan) implements PlanResult {
    }

    record Rejected(Rejection rejection) implements PlanResult {
    }
}
