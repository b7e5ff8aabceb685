package com.ventusvault.payments.graphql;

import com.ventusvault.platform.testing.MutableClock;
import static com.ventusvault.payments.graphql.PaymentsTestServer.moneyInput;
import static org.assertj.core.api.Assertions.assertThat;

import com.ventusvault.payments.escrow.EscrowSweep;
import com.ventusvault.payments.graphql.PaymentsTestServer.User;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;

/** Escrow end to end: exact balances on every path, exactly-once, expiry on the injected clock, visibility. */
@PaymentsIntegrationTest
@TestPropertySource(properties = {"ventus.payments.escrow.sweep-interval=1h"})
@Import(MutableClock.Configuration.class)
class EscrowIntegrationTests {

    /** The configured escrow fee rate (ventus.payments.fees.escrow-rate, default 0.005), rounded UP to the scale. */
    static final BigDecimal ESCROW_RATE = new BigDecimal("0.005");

    /** Tokens outlive the clock moves of this class (the server clock only ever moves forward). */
    static final Duration TOKEN_LIFETIME = Duration.ofHours(3);

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient database;

    @Autowired
    MutableClock clock;

    @Autowired
    EscrowSweep sweep;

    /**
     * A payer with a funded wallet, a payee with an empty one, and the system balances before anything. Tests that
     * move the (shared, forward-only) clock use a currency of their own, so no other test's escrow expires into
     * their holding balance.
     */
    final class Parties {
        final String currency;
        final User payer = PaymentsTestServer.newUser(port, TOKEN_LIFETIME);
        final User payee = PaymentsTestServer.newUser(port, TOKEN_LIFETIME);
        final String payerUsd;
        final String payeeUsd;
        final BigDecimal holdingBefore;
        final BigDecimal revenueBefore;

        Parties(String deposit) {
            this("USD", deposit);
        }

        Parties(String currency, String deposit) {
            this.currency = currency;
            payerUsd = payer.openWallet(currency);
            payeeUsd = payee.openWallet(currency);
            holdingBefore = system("ESCROW_HOLDING", currency);
            revenueBefore = system("FEE_REVENUE", currency);
            payer.deposit(payerUsd, deposit);
        }

        /** Exact balances of payer, payee, and the changes of holding and fee revenue since the start. */
        void assertBalances(String payerBalance, String payeeBalance, String holdingChange, String revenueChange) {
            assertThat(PaymentsTestServer.balance(database, payerUsd)).as("payer").isEqualByComparingTo(payerBalance);
            assertThat(PaymentsTestServer.balance(database, payeeUsd)).as("payee").isEqualByComparingTo(payeeBalance);
            assertThat(system("ESCROW_HOLDING", currency).subtract(holdingBefore)).as("escrow holding")
                    .isEqualByComparingTo(holdingChange);
            assertThat(system("FEE_REVENUE", currency).subtract(revenueBefore)).as("fee revenue").isEqualByComparingTo(revenueChange);
        }

        GraphQlTester.Response create(String amount, String key, Integer minutes) {
            Map<String, Object> input = moneyInput(payerUsd, payeeUsd, null, amount, key);
            input.put("expiresInMinutes", minutes);
            input.put("description", "a bicycle");
            return payer.api().documentName("createEscrow").variable("input", input).execute();
        }

        String escrow(String amount, Integer minutes) {
            return create(amount, UUID.randomUUID().toString(), minutes).errors().verify()
                    .path("createEscrow.userErrors").entityList(Object.class).hasSize(0)
                    .path("createEscrow.escrow.id").entity(String.class).get();
        }
    }

    @Test
    void createMovesAmountPlusFeeIntoHoldingThenReleasePaysThePayeeAndEarnsTheFee() {
        Parties p = new Parties("100");
        String fee = fee("10.10");
        assertThat(fee).isEqualTo("0.06"); // 0.5% of 10.10 = 0.0505, rounded UP

        GraphQlTester.Traversable created = p.create("10.10", "buy-bike", null).errors().verify()
                .path("createEscrow.userErrors").entityList(Object.class).hasSize(0)
                .path("createEscrow.escrow.status").entity(String.class).isEqualTo("HELD")
                .path("createEscrow.escrow.description").entity(String.class).isEqualTo("a bicycle")
                .path("createEscrow.escrow.amount").entity(Map.class).isEqualTo(Map.of("amount", "10.10", "currency", "USD"))
                .path("createEscrow.escrow.fee").entity(Map.class).isEqualTo(Map.of("amount", fee, "currency", "USD"))
                .path("createEscrow.escrow.payer.id").entity(String.class).isEqualTo(p.payerUsd)
                .path("createEscrow.escrow.payee.id").entity(String.class).isEqualTo(p.payeeUsd)
                .path("createEscrow.escrow.payee.owner.id").entity(String.class).isEqualTo(p.payee.id().toString())
                .path("createEscrow.escrow.resolvedAt").valueIsNull()
                .path("createEscrow.escrow.resolution").valueIsNull()
                .path("createEscrow.escrow.funding.kind").entity(String.class).isEqualTo("ESCROW")
                .path("createEscrow.escrow.funding.status").entity(String.class).isEqualTo("COMPLETED")
                .path("createEscrow.escrow.funding.note").entity(String.class).isEqualTo("a bicycle")
                .path("createEscrow.escrow.funding.amount.amount").entity(String.class).isEqualTo("10.10")
                .path("createEscrow.escrow.funding.fee.amount").entity(String.class).isEqualTo(fee)
                .path("createEscrow.escrow.funding.from.id").entity(String.class).isEqualTo(p.payerUsd)
                .path("createEscrow.escrow.funding.to").valueIsNull()
                .path("createEscrow.escrow.funding.escrow.status").entity(String.class).isEqualTo("HELD");
        String id = created.path("createEscrow.escrow.id").entity(String.class).get();
        Instant createdAt = Instant.parse(created.path("createEscrow.escrow.createdAt").entity(String.class).get());
        Instant expiresAt = Instant.parse(created.path("createEscrow.escrow.expiresAt").entity(String.class).get());
        assertThat(Duration.between(createdAt, expiresAt)).isEqualTo(Duration.ofDays(7));
        p.assertBalances("89.84", "0", "10.16", "0");

        release(p.payer, id).errors().verify()
                .path("releaseEscrow.userErrors").entityList(Object.class).hasSize(0)
                .path("releaseEscrow.escrow.status").entity(String.class).isEqualTo("RELEASED")
                .path("releaseEscrow.escrow.resolvedAt").entity(String.class).satisfies(at -> assertThat(at).endsWith("Z"))
                .path("releaseEscrow.escrow.resolution.kind").entity(String.class).isEqualTo("ESCROW")
                .path("releaseEscrow.escrow.resolution.amount.amount").entity(String.class).isEqualTo("10.10")
                .path("releaseEscrow.escrow.resolution.fee.amount").entity(String.class).isEqualTo(fee)
                .path("releaseEscrow.escrow.resolution.from").valueIsNull()
                .path("releaseEscrow.escrow.resolution.to.id").entity(String.class).isEqualTo(p.payeeUsd)
                .path("releaseEscrow.escrow.resolution.escrow.id").entity(String.class).isEqualTo(id);
        p.assertBalances("89.84", "10.10", "0", fee);

        // Releasing again returns the released escrow and moves nothing; cancelling it now is refused.
        release(p.payer, id).errors().verify()
                .path("releaseEscrow.userErrors").entityList(Object.class).hasSize(0)
                .path("releaseEscrow.escrow.status").entity(String.class).isEqualTo("RELEASED");
        cancel(p.payee, id).errors().verify()
                .path("cancelEscrow.userErrors[0].code").entity(String.class).isEqualTo("ESCROW_ALREADY_RESOLVED")
                .path("cancelEscrow.escrow.status").entity(String.class).isEqualTo("RELEASED");
        p.assertBalances("89.84", "10.10", "0", fee);
        assertThat(PaymentsTestServer.journalEntriesOf(database, p.payeeUsd)).isEqualTo(1);
        assertThat(resolutionTransfers(id)).isEqualTo(1);
        assertThat(resolvedBy(id)).isEqualTo(p.payer.id());
    }

    @ParameterizedTest
    @CsvSource({"payer", "payee"})
    void cancelRefundsAmountAndFeeToThePayer(String canceller) {
        Parties p = new Parties("50");
        String id = p.escrow("20", null);
        p.assertBalances(new BigDecimal("30").subtract(new BigDecimal(fee("20"))).toPlainString(), "0",
                new BigDecimal("20").add(new BigDecimal(fee("20"))).toPlainString(), "0");

        User who = canceller.equals("payer") ? p.payer : p.payee;
        cancel(who, id).errors().verify()
                .path("cancelEscrow.userErrors").entityList(Object.class).hasSize(0)
                .path("cancelEscrow.escrow.status").entity(String.class).isEqualTo("CANCELLED")
                .path("cancelEscrow.escrow.resolution.amount.amount").entity(String.class)
                .isEqualTo(new BigDecimal("20").add(new BigDecimal(fee("20"))).setScale(2).toPlainString())
                .path("cancelEscrow.escrow.resolution.fee.amount").entity(String.class).isEqualTo("0.00")
                .path("cancelEscrow.escrow.resolution.to.id").entity(String.class).isEqualTo(p.payerUsd);
        p.assertBalances("50", "0", "0", "0");

        cancel(who, id).errors().verify().path("cancelEscrow.userErrors").entityList(Object.class).hasSize(0)
                .path("cancelEscrow.escrow.status").entity(String.class).isEqualTo("CANCELLED");
        release(p.payer, id).errors().verify()
                .path("releaseEscrow.userErrors[0].code").entity(String.class).isEqualTo("ESCROW_ALREADY_RESOLVED");
        p.assertBalances("50", "0", "0", "0");
        assertThat(resolutionTransfers(id)).isEqualTo(1);
        assertThat(resolvedBy(id)).isEqualTo(who.id());
    }

    @Test
    void onlyThePayerReleasesAndStrangersSeeNothing() {
        Parties p = new Parties("10");
        String id = p.escrow("5", null);
        User stranger = PaymentsTestServer.newUser(port, TOKEN_LIFETIME);

        release(p.payee, id).errors().verify()
                .path("releaseEscrow.userErrors[0].code").entity(String.class).isEqualTo("NOT_ESCROW_PAYER")
                .path("releaseEscrow.userErrors[0].field").entityList(String.class).containsExactly("id")
                .path("releaseEscrow.escrow.status").entity(String.class).isEqualTo("HELD");
        for (String name : List.of("releaseEscrow", "cancelEscrow")) {
            stranger.api().documentName(name).variable("id", id).execute().errors().verify()
                    .path(name + ".userErrors[0].code").entity(String.class).isEqualTo("ESCROW_NOT_FOUND")
                    .path(name + ".escrow").valueIsNull();
            p.payer.api().documentName(name).variable("id", UUID.randomUUID().toString()).execute().errors().verify()
                    .path(name + ".userErrors[0].code").entity(String.class).isEqualTo("ESCROW_NOT_FOUND");
            p.payer.api().documentName(name).variable("id", "not-an-id").execute().errors().verify()
                    .path(name + ".userErrors[0].code").entity(String.class).isEqualTo("ESCROW_NOT_FOUND");
        }
        stranger.api().documentName("escrow").variable("id", id).execute().errors().verify().path("escrow").valueIsNull();
        p.payee.api().documentName("escrow").variable("id", id).execute().errors().verify()
                .path("escrow.status").entity(String.class).isEqualTo("HELD")
                .path("escrow.funding.id").entity(String.class).satisfies(funding -> assertThat(funding).isNotBlank());
        p.assertBalances(new BigDecimal("5").subtract(new BigDecimal(fee("5"))).toPlainString(), "0",
                new BigDecimal("5").add(new BigDecimal(fee("5"))).toPlainString(), "0");
    }

    @Test
    void theSweepRefundsEscrowsPastTheirDeadlineOnTheServerClock() {
        Parties p = new Parties("GBP", "10");
        String id = p.escrow("4", 1);
        String later = p.escrow("1", 2);

        sweep.sweep().block();
        assertThat(status(id)).isEqualTo("HELD");

        clock.advance(Duration.ofSeconds(61));
        sweep.sweep().block();
        assertThat(status(id)).isEqualTo("EXPIRED");
        assertThat(status(later)).isEqualTo("HELD");
        String laterHeld = new BigDecimal("1").add(new BigDecimal(fee("1"))).toPlainString();
        p.assertBalances(new BigDecimal("9").subtract(new BigDecimal(fee("1"))).toPlainString(), "0", laterHeld, "0");
        p.payer.api().documentName("escrow").variable("id", id).execute().errors().verify()
                .path("escrow.resolution.id").entity(String.class).satisfies(t -> assertThat(t).isNotBlank());

        // A second round finds nothing more to do; releasing the expired escrow is refused.
        sweep.sweep().block();
        assertThat(resolutionTransfers(id)).isEqualTo(1);
        assertThat(resolvedBy(id)).isNull();
        release(p.payer, id).errors().verify()
                .path("releaseEscrow.userErrors[0].code").entity(String.class).isEqualTo("ESCROW_ALREADY_RESOLVED")
                .path("releaseEscrow.escrow.status").entity(String.class).isEqualTo("EXPIRED");
        p.assertBalances(new BigDecimal("9").subtract(new BigDecimal(fee("1"))).toPlainString(), "0", laterHeld, "0");
    }

    @ParameterizedTest
    @CsvSource({"releaseEscrow", "cancelEscrow"})
    void resolvingAfterTheDeadlineExpiresTheEscrowInstead(String mutation) {
        Parties p = new Parties("EUR", "10");
        String id = p.escrow("4", 1);
        clock.advance(Duration.ofMinutes(2));

        User who = mutation.equals("releaseEscrow") ? p.payer : p.payee;
        who.api().documentName(mutation).variable("id", id).execute().errors().verify()
                .path(mutation + ".userErrors[0].code").entity(String.class).isEqualTo("ESCROW_EXPIRED")
                .path(mutation + ".escrow.status").entity(String.class).isEqualTo("EXPIRED")
                .path(mutation + ".escrow.resolution.to.id").entity(String.class).isEqualTo(p.payerUsd);
        p.assertBalances("10", "0", "0", "0");
        sweep.sweep().block();
        assertThat(resolutionTransfers(id)).isEqualTo(1);
        p.assertBalances("10", "0", "0", "0");
    }

    @Test
    void createsForAnEmailOpeningThePayeesWallet() {
        User payer = PaymentsTestServer.newUser(port, TOKEN_LIFETIME);
        User payee = PaymentsTestServer.newUser(port, TOKEN_LIFETIME);
        String eth = payer.openWallet("ETH");
        payer.deposit(eth, "1");
        String fee = new BigDecimal("0.5").multiply(ESCROW_RATE).setScale(18, RoundingMode.UP).toPlainString();

        String payeeWallet = payer.api().documentName("createEscrow")
                .variable("input", moneyInput(eth, null, payee.email().toUpperCase(), "0.5", "by-email")).execute()
                .errors().verify()
                .path("createEscrow.escrow.fee.amount").entity(String.class).isEqualTo(fee)
                .path("createEscrow.escrow.payee.owner.id").entity(String.class).isEqualTo(payee.id().toString())
                .path("createEscrow.escrow.payee.id").entity(String.class).get();
        assertThat(payee.openWallet("ETH")).isEqualTo(payeeWallet);
        assertThat(PaymentsTestServer.balance(database, eth))
                .isEqualByComparingTo(new BigDecimal("0.5").subtract(new BigDecimal(fee)));

        payer.api().documentName("createEscrow")
                .variable("input", moneyInput(eth, null, "nobody-" + UUID.randomUUID() + "@example.com", "0.1", "nobody"))
                .execute().errors().verify()
                .path("createEscrow.escrow").valueIsNull()
                .path("createEscrow.userErrors[0].code").entity(String.class).isEqualTo("RECIPIENT_NOT_FOUND");
    }

    @Test
    void aKeyCreatesOneEscrowReplaysItAndRefusesADifferentRequest() {
        Parties p = new Parties("100");
        String first = p.create("10", "same-key", 60).errors().verify().path("createEscrow.escrow.id")
                .entity(String.class).get();
        p.create("10.00", "same-key", 60).errors().verify()
                .path("createEscrow.userErrors").entityList(Object.class).hasSize(0)
                .path("createEscrow.escrow.id").entity(String.class).isEqualTo(first);
        for (Map.Entry<String, Integer> other : Map.of("11", 60, "10", 61).entrySet()) {
            p.create(other.getKey(), "same-key", other.getValue()).errors().verify()
                    .path("createEscrow.escrow").valueIsNull()
                    .path("createEscrow.userErrors[0].code").entity(String.class).isEqualTo("IDEMPOTENCY_KEY_REUSED")
                    .path("createEscrow.userErrors[0].field").entityList(String.class)
                    .containsExactly("input", "idempotencyKey");
        }
        String held = new BigDecimal("10").add(new BigDecimal(fee("10"))).toPlainString();
        p.assertBalances(new BigDecimal("100").subtract(new BigDecimal(held)).toPlainString(), "0", held, "0");
        assertThat(escrowsOf(p.payerUsd)).isEqualTo(1);
    }

    @Test
    void refusesWhatTheLedgerRefusesAndMovesNothing() {
        Parties p = new Parties("10");
        User other = PaymentsTestServer.newUser(port, TOKEN_LIFETIME);
        String eur = other.openWallet("EUR");
        Map<String, String> cases = Map.of(
                "INSUFFICIENT_FUNDS", p.payeeUsd + " 10.01",
                "CURRENCY_MISMATCH", eur + " 1",
                "SAME_WALLET", p.payerUsd + " 1",
                "WALLET_NOT_FOUND", UUID.randomUUID() + " 1");
        cases.forEach((code, target) -> {
            String[] parts = target.split(" ");
            p.payer.api().documentName("createEscrow").variable("input",
                            moneyInput(p.payerUsd, parts[0], null, parts[1], UUID.randomUUID().toString()))
                    .execute().errors().verify()
                    .path("createEscrow.escrow").valueIsNull()
                    .path("createEscrow.userErrors[0].code").entity(String.class).isEqualTo(code);
        });
        p.payee.api().documentName("createEscrow").variable("input",
                        moneyInput(p.payerUsd, p.payeeUsd, null, "1", UUID.randomUUID().toString()))
                .execute().errors().verify()
                .path("createEscrow.userErrors[0].code").entity(String.class).isEqualTo("WALLET_NOT_FOUND")
                .path("createEscrow.userErrors[0].field").entityList(String.class).containsExactly("input", "fromWalletId");
        p.assertBalances("10", "0", "0", "0");
        assertThat(escrowsOf(p.payerUsd)).isZero();
    }

    @Test
    void aRefusedCreateIsTheKeysAnswerAndLimitsApply() {
        Parties p = new Parties("5");
        p.create("10", "too-much", 60).errors().verify()
                .path("createEscrow.userErrors[0].code").entity(String.class).isEqualTo("INSUFFICIENT_FUNDS");
        p.payer.deposit(p.payerUsd, "20");
        // Like every money movement, a retry with the key gets the first answer, even though it would fit now.
        p.create("10", "too-much", 60).errors().verify()
                .path("createEscrow.escrow").valueIsNull()
                .path("createEscrow.userErrors[0].code").entity(String.class).isEqualTo("INSUFFICIENT_FUNDS");
        p.create("10", "too-much", 61).errors().verify()
                .path("createEscrow.userErrors[0].code").entity(String.class).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        // USD: at most 10000 per transfer (ventus.payments.limits), checked under lock once the funds are there.
        p.payer.deposit(p.payerUsd, "10100");
        p.create("10000.01", UUID.randomUUID().toString(), 60).errors().verify()
                .path("createEscrow.userErrors[0].code").entity(String.class).isEqualTo("LIMIT_EXCEEDED");
        p.assertBalances("10125", "0", "0", "0");
        assertThat(escrowsOf(p.payerUsd)).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1|0|expiresInMinutes", "1|43201|expiresInMinutes", "0.001||amount", "0||amount", "-1||amount"})
    void malformedInputIsABadRequest(String amount, Integer minutes, String field) {
        Parties p = new Parties("10");
        p.create(amount, UUID.randomUUID().toString(), minutes).errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getExtensions()).containsEntry("code", "BAD_REQUEST")
                            .containsEntry("field", List.of("input", field));
                }));
        Map<String, Object> both = moneyInput(p.payerUsd, p.payeeUsd, p.payee.email(), "1", "both");
        p.payer.api().documentName("createEscrow").variable("input", both).execute().errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(error ->
                        assertThat(error.getExtensions()).containsEntry("code", "BAD_REQUEST")));
        p.assertBalances("10", "0", "0", "0");
    }

    @Test
    void theLongestAndShortestLifetimesAreAccepted() {
        Parties p = new Parties("10");
        for (int minutes : List.of(1, 43200)) {
            GraphQlTester.Traversable created = p.create("1", UUID.randomUUID().toString(), minutes).errors().verify();
            Instant createdAt = Instant.parse(created.path("createEscrow.escrow.createdAt").entity(String.class).get());
            Instant expiresAt = Instant.parse(created.path("createEscrow.escrow.expiresAt").entity(String.class).get());
            assertThat(Duration.between(createdAt, expiresAt)).isEqualTo(Duration.ofMinutes(minutes));
        }
    }

    GraphQlTester.Response release(User user, String id) {
        return user.api().documentName("releaseEscrow").variable("id", id).execute();
    }

    GraphQlTester.Response cancel(User user, String id) {
        return user.api().documentName("cancelEscrow").variable("id", id).execute();
    }

    /** The escrow fee on a USD amount: amount × rate rounded UP to cents. */
    static String fee(String amount) {
        return new BigDecimal(amount).multiply(ESCROW_RATE).setScale(2, RoundingMode.UP).toPlainString();
    }

    BigDecimal system(String kind, String currency) {
        return PaymentsTestServer.systemBalance(database, kind, currency);
    }

    UUID resolvedBy(String escrow) {
        return database.sql("select resolved_by from escrow where id = :id").bind("id", UUID.fromString(escrow))
                .map(row -> Optional.ofNullable(row.get(0, UUID.class))).one().block().orElse(null);
    }

    String status(String escrow) {
        return database.sql("select status from escrow where id = :id").bind("id", UUID.fromString(escrow))
                .map(row -> row.get(0, String.class)).one().block();
    }

    long resolutionTransfers(String escrow) {
        return database.sql("select count(*) from transfer where initiator_id = :escrow")
                .bind("escrow", UUID.fromString(escrow)).map(row -> row.get(0, Long.class)).one().block();
    }

    long escrowsOf(String payerWallet) {
        return database.sql("select count(*) from escrow where payer_wallet_id = :w").bind("w", UUID.fromString(payerWallet))
                .map(row -> row.get(0, Long.class)).one().block();
    }

}
