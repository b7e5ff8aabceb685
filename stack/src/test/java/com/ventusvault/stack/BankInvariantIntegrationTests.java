package com.ventusvault.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.ventusvault.stack.BankOperations.BankUser;
import com.ventusvault.stack.BankOperations.Totals;
import com.ventusvault.stack.BankOperations.Verification;
import com.ventusvault.stack.BankOperations.WalletView;
import com.ventusvault.stack.TransferAttempt.Acknowledged;
import com.ventusvault.stack.TransferAttempt.Outcome;
import com.ventusvault.stack.TransferAttempt.Refused;
import com.ventusvault.stack.TransferAttempt.Unknown;
import com.ventusvault.stack.TransferBook.Entry;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Jepsen's bank workload against the running platform, through the gateway over real HTTP (issue 4, point 9):
 * concurrent clients make random {@code sendMoney} transfers among the wallets of freshly funded users, with retries
 * under the same idempotency key, conflicting reuses of keys and duplicate requests in flight, while readers call
 * {@code verifyLedger} (as the demo admin) and read wallets. Every read must show the bank's invariants: per currency
 * wallets + fee revenue unchanged and every other kind of account untouched, the journal summing to zero, no wallet
 * negative, verification clean, and no wallet spending more than it has. At the end every lost answer is resolved
 * by retrying its key, then every acknowledged transfer must be posted exactly once: its own record, each wallet's
 * balance, and the fee revenue all follow from the acknowledged transfers alone.
 *
 * <p>Parameters are system properties, printed at the start with the seed: {@code bank.seed}, {@code bank.clients}
 * (8), {@code bank.operations} per client (40), {@code bank.users} (10). The seed fixes what each client asks for;
 * thread interleavings, and therefore which earlier keys are retried, still vary between runs.
 */
@ExtendWith(RunningStack.class)
class BankInvariantIntegrationTests {

    static final Map<String, String> FUNDING = Map.of("USD", "500.00", "NGN", "200000.00");

    private static final long SEED = Long.getLong("bank.seed", ThreadLocalRandom.current().nextLong());
    private static final int CLIENTS = Integer.getInteger("bank.clients", 8);
    private static final int OPERATIONS = Integer.getInteger("bank.operations", 40);
    private static final int USERS = Integer.getInteger("bank.users", 10);
    private static final int LEDGER_READERS = 2;
    private static final int WALLET_READERS = 2;
    private static final int RESOLVE_ROUNDS = 5;

    @Test
    void concurrentTransfersWithRetriesAndConflictingKeysKeepEveryBankInvariant(Stack stack) throws Exception {
        System.out.printf("Bank invariant workload: -Dbank.seed=%d -Dbank.clients=%d -Dbank.operations=%d -Dbank.users=%d%n",
                SEED, CLIENTS, OPERATIONS, USERS);
        long started = System.nanoTime();
        String runId = UUID.randomUUID().toString().substring(0, 8);
        BankOperations bank = new BankOperations(stack.gatewayUrl());
        String admin = bank.login(DemoData.ADMIN_EMAIL, DemoData.PASSWORD);
        List<BankUser> users = IntStream.range(0, USERS)
                .mapToObj(i -> bank.fundedUser("bank-" + runId + "-" + i + "@example.com", FUNDING)).toList();
        Map<String, BigDecimal> initial = balances(bank, users);
        initial.forEach((wallet, balance) -> assertThat(balance).isIn(
                new BigDecimal(FUNDING.get("USD")), new BigDecimal(FUNDING.get("NGN"))));
        Verification start = bank.verifyLedger(admin);
        assertThat(breaks(start, start)).as(start.raw()).isEmpty();

        TransferBook book = new TransferBook();
        runWorkload(bank, admin, users, runId, start, book);
        resolveLostAnswers(bank, users, book);

        Map<String, BigDecimal> expected = new LinkedHashMap<>(initial);
        Map<String, BigDecimal> fees = new LinkedHashMap<>();
        BankOperations.CURRENCIES.forEach(currency -> fees.put(currency, BigDecimal.ZERO));
        Set<String> transferIds = new HashSet<>();
        for (Entry entry : book.entries()) {
            TransferAttempt attempt = entry.attempt();
            switch (entry.outcome()) {
                case Acknowledged acknowledged -> {
                    if (!transferIds.add(acknowledged.transferId())) {
                        book.violation("transfer " + acknowledged.transferId() + " acknowledged for two keys");
                    }
                    checkPosted(bank.transfer(acknowledged.transferId(), users.get(attempt.sender()).token()),
                            attempt, acknowledged, book);
                    expected.merge(attempt.fromWallet(), acknowledged.amount().add(acknowledged.fee()).negate(), BigDecimal::add);
                    expected.merge(attempt.toWallet(), acknowledged.amount(), BigDecimal::add);
                    fees.merge(attempt.currency(), acknowledged.fee(), BigDecimal::add);
                }
                case Refused refused -> {
                    if (!refused.code().equals("INSUFFICIENT_FUNDS")) {
                        book.violation("key " + attempt.key() + " refused with " + refused.code());
                    }
                }
                case Unknown unknown -> book.violation("key " + attempt.key() + " still unresolved: " + unknown.reason());
            }
        }

        Map<String, BigDecimal> actual = balances(bank, users);
        expected.forEach((wallet, balance) -> {
            if (actual.get(wallet).compareTo(balance) != 0) {
                book.violation("wallet " + wallet + " holds " + actual.get(wallet) + ", the acknowledged transfers say " + balance);
            }
        });
        Verification end = bank.verifyLedger(admin);
        breaks(end, start).forEach(book::violation);
        for (String currency : BankOperations.CURRENCIES) {
            BigDecimal earned = end.totals().get(currency).feeRevenue().subtract(start.totals().get(currency).feeRevenue());
            if (earned.compareTo(fees.get(currency)) != 0) {
                book.violation(currency + " fee revenue grew by " + earned + ", the acknowledged fees sum to " + fees.get(currency));
            }
        }

        System.out.printf("Bank invariant workload done in %.1f s: %d keys, %s%n",
                (System.nanoTime() - started) / 1e9, book.entries().size(), book.counts());
        assertThat(book.violations()).as("broken invariants (seed %d)", SEED).isEmpty();
        assertThat(transferIds).as("acknowledged transfers").hasSizeGreaterThan(CLIENTS * OPERATIONS / 4);
        assertThat(book.total("INSUFFICIENT_FUNDS")).as("insufficient-funds refusals").isPositive();
        assertThat(book.total("retry")).as("retries").isGreaterThan(CLIENTS * OPERATIONS / 10);
        assertThat(book.total(BankClient.REUSED)).as("conflicting reuses refused").isPositive();
        assertThat(book.total("verifyLedger read")).as("verifyLedger reads").isGreaterThan(LEDGER_READERS);
        assertThat(book.total("wallet read")).as("wallet reads").isGreaterThan(WALLET_READERS);
    }

    /** The writers, and the readers that check every snapshot while the writers run. */
    private static void runWorkload(BankOperations bank, String admin, List<BankUser> users, String runId,
                                    Verification start, TransferBook book) throws Exception {
        ExecutorService pool = Executors.newCachedThreadPool();
        AtomicBoolean writing = new AtomicBoolean(true);
        try {
            List<Future<?>> readers = new ArrayList<>();
            for (int i = 0; i < LEDGER_READERS; i++) {
                readers.add(pool.submit(() -> {
                    while (writing.get()) {
                        readLedger(bank, admin, start, book);
                    }
                }));
            }
            for (int i = 0; i < WALLET_READERS; i++) {
                Random random = new Random(SEED - 1 - i);
                readers.add(pool.submit(() -> {
                    while (writing.get()) {
                        readWallets(bank, users.get(random.nextInt(users.size())), book);
                    }
                }));
            }
            List<Future<?>> writers = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                writers.add(pool.submit(new BankClient(i, OPERATIONS, SEED, runId, users, bank, book, pool)));
            }
            for (Future<?> writer : writers) {
                writer.get(3, TimeUnit.MINUTES);
            }
            writing.set(false);
            for (Future<?> reader : readers) {
                reader.get(1, TimeUnit.MINUTES);
            }
        } finally {
            writing.set(false);
            pool.shutdownNow();
        }
    }

    private static void readLedger(BankOperations bank, String admin, Verification start, TransferBook book) {
        try {
            Verification now = bank.verifyLedger(admin);
            book.count("verifyLedger read");
            breaks(now, start).forEach(book::violation);
        } catch (RuntimeException e) {
            book.violation("verifyLedger read failed: " + e.getMessage());
        }
    }

    private static void readWallets(BankOperations bank, BankUser user, TransferBook book) {
        try {
            for (WalletView wallet : bank.wallets(user.token())) {
                if (wallet.balance().signum() < 0 || wallet.held().signum() < 0 || wallet.available().signum() < 0
                        || wallet.available().compareTo(wallet.balance()) > 0
                        || wallet.available().add(wallet.held()).compareTo(wallet.balance()) != 0) {
                    book.violation("wallet read " + wallet);
                }
            }
            book.count("wallet read");
        } catch (RuntimeException e) {
            book.violation("wallet read failed: " + e.getMessage());
        }
    }

    /** Every answer lost to a timeout or an error is asked again, with the same key, until it is known. */
    private static void resolveLostAnswers(BankOperations bank, List<BankUser> users, TransferBook book) {
        for (int round = 0; round < RESOLVE_ROUNDS; round++) {
            for (Entry entry : book.entries()) {
                if (entry.outcome() instanceof Unknown) {
                    book.count("resolved by retry");
                    book.settle(entry.attempt(), bank.send(entry.attempt(), users.get(entry.attempt().sender()).token()));
                }
            }
        }
        for (TransferAttempt conflicting : book.unconfirmedConflicts()) {
            Outcome outcome = new Unknown("not sent", false);
            for (int round = 0; round < RESOLVE_ROUNDS && outcome instanceof Unknown; round++) {
                outcome = bank.send(conflicting, users.get(conflicting.sender()).token());
            }
            if (!(outcome instanceof Refused refused && refused.code().equals(BankClient.REUSED))) {
                book.violation("conflicting reuse of " + conflicting.key() + " resolved as " + outcome);
            }
        }
    }

    /** The transfer as the server records it matches what was acknowledged: posted, once, as asked. */
    private static void checkPosted(JsonNode transfer, TransferAttempt attempt, Acknowledged acknowledged, TransferBook book) {
        boolean matches = transfer.path("id").asString().equals(acknowledged.transferId())
                && transfer.path("kind").asString().equals("P2P")
                && transfer.path("status").asString().equals("COMPLETED")
                && new BigDecimal(transfer.path("amount").path("amount").asString()).compareTo(attempt.amount()) == 0
                && transfer.path("amount").path("currency").asString().equals(attempt.currency())
                && new BigDecimal(transfer.path("fee").path("amount").asString()).compareTo(acknowledged.fee()) == 0
                && acknowledged.fee().signum() > 0
                && transfer.path("from").path("id").asString().equals(attempt.fromWallet())
                && transfer.path("to").path("id").asString().equals(attempt.toWallet());
        if (!matches) {
            book.violation("transfer(" + acknowledged.transferId() + ") = " + transfer + " but " + attempt + " was acknowledged as " + acknowledged);
        }
    }

    /** What is wrong with one verifyLedger snapshot, compared with the one taken before the workload. */
    static List<String> breaks(Verification now, Verification start) {
        List<String> broken = new ArrayList<>();
        if (!now.clean() || !now.differences().isEmpty() || !now.unbalancedTransfers().isEmpty()) {
            broken.add("verifyLedger is not clean: " + now.raw());
        }
        for (String currency : BankOperations.CURRENCIES) {
            Totals totals = now.totals().get(currency);
            Totals before = start.totals().get(currency);
            if (totals == null || before == null) {
                broken.add("verifyLedger has no " + currency + " totals: " + now.raw());
                continue;
            }
            if (totals.sum().signum() != 0 || totals.negativeWallets() != 0
                    || totals.wallets().add(totals.feeRevenue()).compareTo(before.wallets().add(before.feeRevenue())) != 0
                    || totals.escrowHolding().compareTo(before.escrowHolding()) != 0
                    || totals.providerClearing().compareTo(before.providerClearing()) != 0
                    || totals.fxLiquidity().compareTo(before.fxLiquidity()) != 0
                    || totals.demoBank().compareTo(before.demoBank()) != 0) {
                broken.add("verifyLedger " + currency + " totals " + totals + " after " + before);
            }
        }
        return broken;
    }

    private static Map<String, BigDecimal> balances(BankOperations bank, List<BankUser> users) {
        Map<String, BigDecimal> balances = new LinkedHashMap<>();
        for (BankUser user : users) {
            for (WalletView wallet : bank.wallets(user.token())) {
                balances.put(wallet.id(), wallet.balance());
            }
        }
        return balances;
    }
}
