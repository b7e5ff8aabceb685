package com.ventusvault.stack;

import com.ventusvault.stack.BankOperations.BankUser;
import com.ventusvault.stack.TransferAttempt.Acknowledged;
import com.ventusvault.stack.TransferAttempt.Outcome;
import com.ventusvault.stack.TransferAttempt.Refused;
import com.ventusvault.stack.TransferAttempt.Unknown;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * One client of the bank-invariant workload: a fixed number of operations, each a new transfer between two random
 * users (amounts from the minimum 0.01 to more than a wallet holds), a retry of a key some client used before
 * (about 20%), a conflicting reuse of one (same key, another amount), or a new transfer sent twice at once.
 * Every answer goes into the shared {@link TransferBook}, which checks it against the key's first answer.
 */
final class BankClient implements Runnable {

    static final String REUSED = "IDEMPOTENCY_KEY_REUSED";

    private final int index;
    private final int operations;
    private final Random random;
    private final String runId;
    private final List<BankUser> users;
    private final BankOperations bank;
    private final TransferBook book;
    private final Executor duplicates;

    BankClient(int index, int operations, long seed, String runId, List<BankUser> users, BankOperations bank,
               TransferBook book, Executor duplicates) {
        this.index = index;
        this.operations = operations;
        this.random = new Random(seed + index);
        this.runId = runId;
        this.users = users;
        this.bank = bank;
        this.book = book;
        this.duplicates = duplicates;
    }

    @Override
    public void run() {
        for (int next = 0; next < operations; next++) {
            int operation = next;
            double choice = random.nextDouble();
            if (choice < 0.20) {
                book.pick(random, entry -> true).ifPresentOrElse(entry -> retry(entry.attempt()), () -> fresh(operation));
            } else if (choice < 0.26) {
                book.pick(random, entry -> !(entry.outcome() instanceof Unknown))
                        .ifPresentOrElse(entry -> conflict(entry.attempt()), () -> fresh(operation));
            } else if (choice < 0.31) {
                duplicate(newAttempt(operation));
            } else {
                fresh(operation);
            }
        }
    }

    private void fresh(int operation) {
        TransferAttempt attempt = newAttempt(operation);
        book.count("new");
        book.settle(attempt, counted(bank.send(attempt, token(attempt))));
    }

    private void retry(TransferAttempt attempt) {
        book.count("retry");
        book.settle(attempt, counted(bank.send(attempt, token(attempt))));
    }

    private void conflict(TransferAttempt original) {
        TransferAttempt conflicting = original.conflicting();
        book.count("conflicting reuse");
        Outcome outcome = bank.send(conflicting, token(conflicting));
        switch (outcome) {
            case Refused refused when refused.code().equals(REUSED) -> book.count(REUSED);
            case Unknown unknown -> {
                counted(unknown);
                book.unconfirmedConflict(conflicting);
            }
            default -> book.violation("conflicting reuse of " + original.key() + " (" + original.amount() + " -> "
                    + conflicting.amount() + ") answered " + outcome);
        }
    }

    /** The same new request from two connections at once: both answers must be the one transfer (or one refusal). */
    private void duplicate(TransferAttempt attempt) {
        book.count("concurrent duplicate");
        String token = token(attempt);
        CompletableFuture<Outcome> other = CompletableFuture.supplyAsync(() -> bank.send(attempt, token), duplicates);
        Outcome mine = counted(bank.send(attempt, token));
        book.settle(attempt, mine);
        book.settle(attempt, counted(other.join()));
    }

    private Outcome counted(Outcome outcome) {
        book.count(switch (outcome) {
            case Acknowledged ignored -> "acknowledged";
            case Refused refused -> refused.code();
            case Unknown unknown -> unknown.timeout() ? "unknown (timeout)" : "unknown (error)";
        });
        if (outcome instanceof Unknown unknown && !unknown.timeout()) {
            book.violation("sendMoney failed with an error instead of an answer: " + unknown.reason());
        }
        return outcome;
    }

    private TransferAttempt newAttempt(int operation) {
        int sender = random.nextInt(users.size());
        int recipient = (sender + 1 + random.nextInt(users.size() - 1)) % users.size();
        String currency = BankOperations.CURRENCIES.get(random.nextInt(BankOperations.CURRENCIES.size()));
        return new TransferAttempt(sender, "bank-" + runId + "-c" + index + "-op" + operation + "-" + random.nextInt(1_000_000),
                currency, users.get(sender).wallets().get(currency), recipient, users.get(recipient).wallets().get(currency),
                amount(currency));
    }

    /** 10% the minimum 0.01, 10% more than a wallet was funded with, else 0.01 up to 12% of the funding (6% on average). */
    private BigDecimal amount(String currency) {
        double choice = random.nextDouble();
        BigDecimal funded = new BigDecimal(BankInvariantIntegrationTests.FUNDING.get(currency));
        if (choice < 0.10) {
            return new BigDecimal("0.01");
        }
        if (choice < 0.20) {
            return funded.add(BigDecimal.valueOf(random.nextInt(100_000), 2));
        }
        long cents = 1 + (long) (random.nextDouble() * funded.movePointRight(2).longValue() * 0.12);
        return BigDecimal.valueOf(cents, 2).setScale(2, RoundingMode.UNNECESSARY);
    }

    private String token(TransferAttempt attempt) {
        return users.get(attempt.sender()).token();
    }
}
