package com.ventusvault.payments.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.ventusvault.payments.domain.AccountId;
import com.ventusvault.payments.domain.AccountKind;
import com.ventusvault.payments.domain.Currency;
import com.ventusvault.payments.domain.Fees;
import com.ventusvault.payments.domain.Money;
import com.ventusvault.payments.domain.Posting;
import com.ventusvault.payments.domain.Transfer;
import com.ventusvault.payments.domain.TransferId;
import com.ventusvault.payments.domain.TransferKind;
import com.ventusvault.payments.domain.TransferStatus;
import com.ventusvault.payments.graphql.PaymentsTestServer.User;
import com.ventusvault.payments.holds.Hold;
import com.ventusvault.payments.holds.HoldResult;
import com.ventusvault.payments.holds.HoldService;
import com.ventusvault.payments.persistence.LedgerAccountRepository;
import com.ventusvault.payments.persistence.TransferRepository;
import com.ventusvault.payments.providers.PayoutProviders;
import com.ventusvault.platform.testing.StatementLog;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;

/** Wallet available/held, a transfer's fees, history, hold and failure, feeQuote and verifyLedger over HTTP. */
@PaymentsIntegrationTest
@Import({StatementLog.class, StaffTokens.Keys.class}) // one context for the four statement-counting classes
class LedgerApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient database;

    @Autowired
    StatementLog log;

    @Autowired
    HoldService holds;

    @Autowired
    TransferRepository transfers;

    @Autowired
    LedgerAccountRepository accounts;

    @Autowired
    ObjectProvider<PayoutProviders> providers;

    private HttpGraphQlTester as(String token) {
        return PaymentsTestServer.anonymous(port).mutate().header("Authorization", "Bearer " + token).build();
    }

    private HttpGraphQlTester staff(String role) {
        UUID id = UUID.randomUUID();
        return as(StaffTokens.token(id, "staff-" + id + "@ventusvault.local", role));
    }

    private AccountId ngnWallet(User user) {
        return accounts.findWallet(user.id(), Currency.NGN).block().id();
    }

    private TransferId payout(User user, String amount) {
        Transfer transfer = new Transfer(TransferId.random(), TransferKind.PAYOUT, TransferStatus.INITIATED,
                Money.of(amount, Currency.NGN), new Fees(Money.of("2.50", Currency.NGN), Money.of("10", Currency.NGN),
                Money.zero(Currency.NGN)), ngnWallet(user), null, null, user.id(),
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        assertThat(transfers.insert(transfer, UUID.randomUUID().toString(), "fp", "requested").block()).isTrue();
        return transfer.id();
    }

    private Hold place(TransferId transfer, User user, String amount) {
        HoldResult result = holds.place(transfer, ngnWallet(user), Money.of(amount, Currency.NGN)).block();
        assertThat(result).isInstanceOf(HoldResult.Held.class);
        return ((HoldResult.Held) result).hold();
    }

    private static Map<String, Object> entity(String type, String id) {
        return Map.of("__typename", type, "id", id);
    }

    @Test
    void aWalletShowsItsOwnerBalanceAvailableAndHeld() {
        User alice = PaymentsTestServer.newUser(port);
        String ngn = alice.openWallet("NGN");
        alice.deposit(ngn, "100");
        place(payout(alice, "30"), alice, "30.25");

        alice.api().documentName("walletAmounts").variable("representations", List.of(entity("Wallet", ngn))).execute()
                .errors().verify()
                .path("_entities[0].balance").entity(Map.class).isEqualTo(Map.of("amount", "100.00", "currency", "NGN"))
                .path("_entities[0].available").entity(Map.class).isEqualTo(Map.of("amount", "69.75", "currency", "NGN"))
                .path("_entities[0].held").entity(Map.class).isEqualTo(Map.of("amount", "30.25", "currency", "NGN"));
        PaymentsTestServer.newUser(port).api().documentName("walletAmounts")
                .variable("representations", List.of(entity("Wallet", ngn))).execute().errors().verify()
                .path("_entities[0]").valueIsNull();
    }

    @Test
    void transfersShowFeesHistoryHoldAndFailureLoadedOncePerResponse() {
        User alice = PaymentsTestServer.newUser(port);
        User bob = PaymentsTestServer.newUser(port);
        String aliceNgn = alice.openWallet("NGN");
        String bobNgn = bob.openWallet("NGN");
        alice.deposit(aliceNgn, "1000");
        String p2p = alice.api().documentName("sendMoney").variable("input", Map.of("fromWalletId", aliceNgn,
                        "toWalletId", bobNgn, "amount", "100", "idempotencyKey", "p2p")).execute().errors().verify()
                .path("sendMoney.transfer.id").entity(String.class).get();

        TransferId posted = payout(alice, "200");
        Hold hold = place(posted, alice, "212.50");
        transfers.transition(posted, TransferStatus.INITIATED, TransferStatus.BALANCE_RESERVED, "hold placed").block();
        AccountId clearing = accounts.systemAccount(AccountKind.PROVIDER_CLEARING, Currency.NGN, "PAYSTACK").block();
        holds.post(hold.id(), Money.of("212.50", Currency.NGN), List.of(
                Posting.debit(ngnWallet(alice), Money.of("212.50", Currency.NGN)),
                Posting.credit(clearing, Money.of("212.50", Currency.NGN)))).block();
        transfers.transition(posted, TransferStatus.BALANCE_RESERVED, TransferStatus.COMPLETED, null).block();

        TransferId failed = payout(alice, "50");
        transfers.fail(failed, TransferStatus.INITIATED, TransferStatus.FAILED, "INVALID_BANK_ACCOUNT",
                "The bank says account 0123456789 does not exist").block();

        log.clear();
        List<Map> entities = alice.api().documentName("transferDetails").variable("representations", List.of(
                        entity("Transfer", p2p), entity("Transfer", posted.toString()), entity("Transfer", failed.toString())))
                .execute().errors().verify().path("_entities").entityList(Map.class).get();

        Map<String, Object> first = entities.get(0);
        assertThat(first.get("fee")).isEqualTo(Map.of("amount", "0.50", "currency", "NGN"));
        assertThat(first.get("fees")).isEqualTo(Map.of("platform", Map.of("amount", "0.50"),
                "provider", Map.of("amount", "0.00"), "network", Map.of("amount", "0.00"),
                "total", Map.of("amount", "0.50", "currency", "NGN")));
        assertThat((List<Map<String, Object>>) first.get("history")).singleElement()
                .satisfies(change -> assertThat(change).containsEntry("status", "COMPLETED").containsEntry("reason", null));
        assertThat(first.get("hold")).isNull();
        assertThat(first.get("failure")).isNull();

        Map<String, Object> second = entities.get(1);
        assertThat(second.get("status")).isEqualTo("COMPLETED");
        assertThat(second.get("fee")).isEqualTo(Map.of("amount", "12.50", "currency", "NGN"));
        assertThat(((List<Map<String, Object>>) second.get("history")).stream().map(change -> change.get("status")))
                .containsExactly("INITIATED", "BALANCE_RESERVED", "COMPLETED");
        assertThat(((List<Map<String, Object>>) second.get("history")).get(1)).containsEntry("reason", "hold placed");
        Map<String, Object> heldView = (Map<String, Object>) second.get("hold");
        assertThat(heldView).containsEntry("id", hold.id().toString()).containsEntry("status", "POSTED")
                .containsEntry("amount", Map.of("amount", "212.50", "currency", "NGN"))
                .containsEntry("posted", Map.of("amount", "212.50"));
        assertThat((String) heldView.get("expiresAt")).endsWith("Z");
        assertThat(heldView.get("resolvedAt")).isNotNull();

        Map<String, Object> third = entities.get(2);
        assertThat(third.get("status")).isEqualTo("FAILED");
        assertThat(third.get("failure")).isEqualTo(Map.of("code", "INVALID_BANK_ACCOUNT",
                "message", "The bank says account 0123456789 does not exist"));

        assertThat(log.containing("from transfer_status_change")).hasSize(1);
        assertThat(log.containing("from hold")).hasSize(1);
        // 1000 - (100 + 0.50 fee) - 212.50 posted from the hold
        assertThat(PaymentsTestServer.balance(database, aliceNgn)).isEqualByComparingTo("687.00");
    }

    private GraphQlTester.Response quote(String kind, String currency, String amount, String provider) {
        Map<String, Object> input = new HashMap<>();
        input.put("kind", kind);
        input.put("currency", currency);
        input.put("amount", amount);
        input.put("provider", provider);
        return PaymentsTestServer.anonymous(port).documentName("feeQuote").variable("input", input).execute();
    }

    @Test
    void feeQuotesComeFromTheScheduleTheMutationsCharge() {
        quote("P2P", "USD", "10.10", null).errors().verify()
                .path("feeQuote.amount").entity(Map.class).isEqualTo(Map.of("amount", "10.10", "currency", "USD"))
                .path("feeQuote.fees.platform.amount").entity(String.class).isEqualTo("0.06")
                .path("feeQuote.fees.provider.amount").entity(String.class).isEqualTo("0.00")
                .path("feeQuote.fees.network.amount").entity(String.class).isEqualTo("0.00")
                .path("feeQuote.fees.total").entity(Map.class).isEqualTo(Map.of("amount", "0.06", "currency", "USD"))
                .path("feeQuote.debit").entity(Map.class).isEqualTo(Map.of("amount", "10.16", "currency", "USD"))
                .path("feeQuote.provider").valueIsNull();
        quote("ESCROW", "usd", "200", null).errors().verify()
                .path("feeQuote.fees.total.amount").entity(String.class).isEqualTo("1.00")
                .path("feeQuote.debit.amount").entity(String.class).isEqualTo("201.00");
        // 0.5% of 0.01 is 0.00005: rounded UP, never to nothing
        quote("ESCROW", "USD", "0.01", null).errors().verify()
                .path("feeQuote.fees.total.amount").entity(String.class).isEqualTo("0.01");
        quote("P2P", "BTC", "0.00000001", null).errors().verify()
                .path("feeQuote.fees.total.amount").entity(String.class).isEqualTo("0.00000001");

        for (String[] bad : new String[][] {{"DEPOSIT", "USD", "1", null}, {"P2P", "XYZ", "1", null},
                {"P2P", "USD", "1.001", null}, {"P2P", "USD", "0", null}, {"P2P", "USD", "1", "PAYSTACK"},
                {"PAYOUT", "USD", "1", null}}) {
            quote(bad[0], bad[1], bad[2], bad[3]).errors()
                    .expect(error -> "BAD_REQUEST".equals(error.getExtensions().get("code"))).verify();
        }
    }

    @Test
    void payoutQuotesAddTheProvidersChargeOrSayPayoutsAreNotConfigured() {
        if (providers.getIfAvailable() == null) {
            quote("PAYOUT", "NGN", "10000", null).errors()
                    .expect(error -> "BAD_REQUEST".equals(error.getExtensions().get("code"))
                            && error.getMessage().contains("not configured")).verify();
            return;
        }
        // 0.25% of 10,000 = 25.00 for the platform; Paystack charges 25 between 5,000 and 50,000
        quote("PAYOUT", "NGN", "10000", "PAYSTACK").errors().verify()
                .path("feeQuote.fees.platform.amount").entity(String.class).isEqualTo("25.00")
                .path("feeQuote.fees.provider.amount").entity(String.class).isEqualTo("25.00")
                .path("feeQuote.debit.amount").entity(String.class).isEqualTo("10050.00")
                .path("feeQuote.provider").entity(String.class).isEqualTo("PAYSTACK");
    }

    @Test
    void verifyLedgerIsForStaffOnly() {
        PaymentsTestServer.newUser(port).api().documentName("verifyLedger").execute().errors()
                .expect(error -> "FORBIDDEN".equals(error.getExtensions().get("code"))).verify();
        PaymentsTestServer.anonymous(port).documentName("verifyLedger").execute().errors()
                .expect(error -> "UNAUTHENTICATED".equals(error.getExtensions().get("code"))).verify();
        staff("SUPPORT").documentName("verifyLedger").execute().errors().verify().path("verifyLedger.clean").hasValue();
        staff("ADMIN").documentName("verifyLedger").execute().errors().verify().path("verifyLedger.clean").hasValue();
    }

    @Test
    void verifyLedgerIsCleanAfterAMixedWorkloadAndFindsATamperedBalance() {
        User alice = PaymentsTestServer.newUser(port);
        User bob = PaymentsTestServer.newUser(port);
        String aliceNgn = alice.openWallet("NGN");
        String bobNgn = bob.openWallet("NGN");
        alice.deposit(aliceNgn, "5000");
        for (int i = 0; i < 5; i++) {
            alice.api().documentName("sendMoney").variable("input", Map.of("fromWalletId", aliceNgn, "toWalletId", bobNgn,
                    "amount", "10" + i, "idempotencyKey", "mixed-" + i)).execute().errors().verify();
        }
        alice.api().documentName("sendMoney").variable("input", Map.of("fromWalletId", aliceNgn, "toWalletId", bobNgn,
                "amount", "99999", "idempotencyKey", "too-much")).execute().errors().verify()
                .path("sendMoney.userErrors[0].code").entity(String.class).isEqualTo("INSUFFICIENT_FUNDS");
        place(payout(alice, "100"), alice, "100");
        Hold voided = place(payout(alice, "200"), alice, "200");
        holds.voidHold(voided.id(), "test").block();

        Map<String, Object> report = staff("SUPPORT").documentName("verifyLedger").execute().errors().verify()
                .path("verifyLedger").entity(Map.class).get();
        assertThat(report.get("clean")).isEqualTo(true);
        assertThat((List<?>) report.get("differences")).isEmpty();
        assertThat((List<?>) report.get("unbalancedTransfers")).isEmpty();
        assertThat((Integer) report.get("accounts")).isPositive();
        assertThat((Integer) report.get("journalEntries")).isPositive();
        List<Map<String, Object>> totals = (List<Map<String, Object>>) report.get("totals");
        assertThat(totals).extracting(total -> total.get("currency")).contains("NGN", "USD");
        assertThat(totals).allSatisfy(total -> {
            assertThat(new BigDecimal((String) total.get("sum"))).isZero();
            assertThat(total.get("negativeWallets")).isEqualTo(0);
        });
        Map<String, Object> ngn = totals.stream().filter(total -> total.get("currency").equals("NGN")).findFirst().orElseThrow();
        assertThat(new BigDecimal((String) ngn.get("held"))).isGreaterThanOrEqualTo(new BigDecimal("100"));
        assertThat(new BigDecimal((String) ngn.get("demoBank"))).isNegative();

        // Tamper with the cached balance and held of Bob's wallet behind the ledger's back (no outbox event either).
        UUID bobWallet = UUID.fromString(bobNgn);
        database.sql("alter table ledger_account disable trigger wallet_balance_changed").then().block();
        try {
            database.sql("update ledger_account set balance = balance + 1, held = held + 0.5 where id = :id")
                    .bind("id", bobWallet).then().block();
            Map<String, Object> tampered = staff("ADMIN").documentName("verifyLedger").execute().errors().verify()
                    .path("verifyLedger").entity(Map.class).get();
            assertThat(tampered.get("clean")).isEqualTo(false);
            assertThat((List<Map<String, Object>>) tampered.get("differences")).singleElement().isEqualTo(Map.of(
                    "accountId", bobNgn, "kind", "USER_WALLET", "currency", "NGN", "cached", "511.00",
                    "journal", "510.00", "cachedHeld", "0.50", "pendingHolds", "0.00"));
            assertThat((List<Map<String, Object>>) tampered.get("totals")).filteredOn(total -> total.get("currency").equals("NGN"))
                    .singleElement().satisfies(total -> assertThat(total.get("sum")).isEqualTo("1.00"));
        } finally {
            database.sql("update ledger_account set balance = balance - 1, held = held - 0.5 where id = :id")
                    .bind("id", bobWallet).then().block();
            database.sql("alter table ledger_account enable trigger wallet_balance_changed").then().block();
        }
        staff("ADMIN").documentName("verifyLedger").execute().errors().verify().path("verifyLedger.clean")
                .entity(Boolean.class).isEqualTo(true);
    }
}
