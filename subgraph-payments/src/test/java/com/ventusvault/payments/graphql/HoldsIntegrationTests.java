package com.ventusvault.payments.graphql;

import com.ventusvault.platform.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ventusvault.payments.domain.AccountId;
import com.ventusvault.payments.domain.AccountKind;
import com.ventusvault.payments.domain.Currency;
import com.ventusvault.payments.domain.Fees;
import com.ventusvault.payments.domain.Money;
import com.ventusvault.payments.domain.Posting;
import com.ventusvault.payments.domain.RejectionCode;
import com.ventusvault.payments.domain.Transfer;
import com.ventusvault.payments.domain.TransferId;
import com.ventusvault.payments.domain.TransferKind;
import com.ventusvault.payments.domain.TransferStatus;
import com.ventusvault.payments.graphql.PaymentsTestServer.User;
import com.ventusvault.payments.holds.Hold;
import com.ventusvault.payments.holds.HoldExpired;
import com.ventusvault.payments.holds.HoldId;
import com.ventusvault.payments.holds.HoldResult;
import com.ventusvault.payments.holds.HoldService;
import com.ventusvault.payments.holds.HoldStatus;
import com.ventusvault.payments.persistence.LedgerAccountRepository;
import com.ventusvault.payments.persistence.TransferRepository;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@PaymentsIntegrationTest
@TestPropertySource(properties = {"ventus.payments.holds.sweep-interval=1h",
        "ventus.payments.limits.currencies.EUR.per-transfer=100", "ventus.payments.limits.currencies.EUR.daily=250"})
@Import({MutableClock.Configuration.class, HoldEvents.class}) // same context as LimitsIntegrationTests
class HoldsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    HoldService holds;

    @Autowired
    TransferRepository transfers;

    @Autowired
    LedgerAccountRepository accounts;

    @Autowired
    DatabaseClient database;

    @Autowired
    MutableClock clock;

    @Autowired
    HoldEvents events;

    private User funded(String amount) {
        User user = PaymentsTestServer.newUser(port, Duration.ofDays(30));
        String wallet = user.openWallet("NGN");
        user.deposit(wallet, amount);
        return user;
    }

    private AccountId wallet(User user) {
        return accounts.findWallet(user.id(), Currency.NGN).block().id();
    }

    /** A payout transfer (INITIATED) from the user's NGN wallet, inserted with its first history row. */
    private TransferId payout(User user, String amount) {
        Money money = Money.of(amount, Currency.NGN);
        Transfer transfer = new Transfer(TransferId.random(), TransferKind.PAYOUT, TransferStatus.INITIATED, money,
                new Fees(Money.of("1", Currency.NGN), Money.of("10", Currency.NGN), Money.zero(Currency.NGN)),
                wallet(user), null, null, user.id(), clock.instant().truncatedTo(ChronoUnit.MICROS));
        assertThat(transfers.insert(transfer, "payout-" + UUID.randomUUID(), "fp", "requested").block()).isTrue();
        return transfer.id();
    }

    private Hold held(HoldResult result) {
        assertThat(result).isInstanceOf(HoldResult.Held.class);
        return ((HoldResult.Held) result).hold();
    }

    private RejectionCode refused(HoldResult result) {
        assertThat(result).isInstanceOf(HoldResult.Refused.class);
        return ((HoldResult.Refused) result).rejection().code();
    }

    private BigDecimal held(AccountId account) {
        return database.sql("select held from ledger_account where id = :id").bind("id", account.value())
                .map(row -> row.get(0, BigDecimal.class)).one().block();
    }

    private AccountId clearing() {
        return accounts.systemAccount(AccountKind.PROVIDER_CLEARING, Currency.NGN, "PAYSTACK").block();
    }

    @Test
    void aHoldReservesAvailableMoneyAndPostsInPartReleasingTheRest() {
        User user = funded("1000");
        AccountId wallet = wallet(user);
        TransferId transfer = payout(user, "600");

        Hold hold = held(holds.place(transfer, wallet, Money.of("611", Currency.NGN), Duration.ofMinutes(30)).block());
        assertThat(hold.status()).isEqualTo(HoldStatus.PENDING);
        assertThat(hold.expiresAt()).isEqualTo(hold.createdAt().plus(Duration.ofMinutes(30)));
        assertThat(held(wallet)).isEqualByComparingTo("611");
        assertThat(PaymentsTestServer.balance(database, wallet.toString())).isEqualByComparingTo("1000");

        // Only 389 is available now.
        assertThat(refused(holds.place(payout(user, "390"), wallet, Money.of("390", Currency.NGN)).block()))
                .isEqualTo(RejectionCode.INSUFFICIENT_FUNDS);

        AccountId clearing = clearing();
        BigDecimal clearingBefore = PaymentsTestServer.balance(database, clearing.toString());
        Hold posted = held(holds.post(hold.id(), Money.of("610", Currency.NGN), List.of(
                Posting.debit(wallet, Money.of("610", Currency.NGN)),
                Posting.credit(clearing, Money.of("610", Currency.NGN)))).block());

        assertThat(posted.status()).isEqualTo(HoldStatus.POSTED);
        assertThat(posted.posted()).isEqualTo(Money.of("610", Currency.NGN));
        assertThat(posted.resolvedAt()).isNotNull();
        assertThat(held(wallet)).isEqualByComparingTo("0");
        assertThat(PaymentsTestServer.balance(database, wallet.toString())).isEqualByComparingTo("390");
        assertThat(PaymentsTestServer.balance(database, clearing.toString()))
                .isEqualByComparingTo(clearingBefore.add(new BigDecimal("610")));

        assertThat(refused(holds.post(hold.id(), Money.of("1", Currency.NGN), List.of(
                Posting.debit(wallet, Money.of("1", Currency.NGN)), Posting.credit(clearing, Money.of("1", Currency.NGN))))
                .block())).isEqualTo(RejectionCode.HOLD_ALREADY_RESOLVED);
        assertThat(refused(holds.voidHold(hold.id(), "changed my mind").block()))
                .isEqualTo(RejectionCode.HOLD_ALREADY_RESOLVED);
        assertThat(PaymentsTestServer.balance(database, wallet.toString())).isEqualByComparingTo("390");
    }

    @Test
    void heldMoneyCannotBeSpentByAPayment() {
        User alice = funded("100");
        User bob = PaymentsTestServer.newUser(port, Duration.ofDays(30));
        String bobNgn = bob.openWallet("NGN");
        AccountId wallet = wallet(alice);
        held(holds.place(payout(alice, "60"), wallet, Money.of("60", Currency.NGN)).block());

        // 40 is available: 40 + 0.20 fee does not fit, 39 + 0.20 does.
        alice.api().documentName("sendMoney").variable("input", java.util.Map.of("fromWalletId", wallet.toString(),
                        "toWalletId", bobNgn, "amount", "40", "idempotencyKey", "over-held")).execute().errors().verify()
                .path("sendMoney.userErrors[0].code").entity(String.class).isEqualTo("INSUFFICIENT_FUNDS")
                .path("sendMoney.userErrors[0].message").entity(String.class)
                .satisfies(message -> assertThat(message).contains("40.00 NGN available").contains("60.00 NGN is held"));
        alice.api().documentName("sendMoney").variable("input", java.util.Map.of("fromWalletId", wallet.toString(),
                        "toWalletId", bobNgn, "amount", "39", "idempotencyKey", "within")).execute().errors().verify()
                .path("sendMoney.userErrors").entityList(Object.class).hasSize(0);
        assertThat(PaymentsTestServer.balance(database, wallet.toString())).isEqualByComparingTo("60.80");
        assertThat(held(wallet)).isEqualByComparingTo("60");
    }

    @Test
    void postingMoreThanTheHoldOrUnbalancedPostingsIsAProgrammingError() {
        User user = funded("100");
        AccountId wallet = wallet(user);
        Hold hold = held(holds.place(payout(user, "50"), wallet, Money.of("50", Currency.NGN)).block());
        AccountId clearing = clearing();

        assertThatThrownBy(() -> holds.post(hold.id(), Money.of("51", Currency.NGN), List.of(
                Posting.debit(wallet, Money.of("51", Currency.NGN)), Posting.credit(clearing, Money.of("51", Currency.NGN))))
                .block()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> holds.post(hold.id(), Money.of("50", Currency.NGN), List.of(
                Posting.debit(wallet, Money.of("50", Currency.NGN)), Posting.credit(clearing, Money.of("49", Currency.NGN))))
                .block()).isInstanceOf(IllegalArgumentException.class);

        assertThat(holds.find(hold.id()).block().status()).isEqualTo(HoldStatus.PENDING);
        assertThat(held(wallet)).isEqualByComparingTo("50");
    }

    @Test
    void aVoidedHoldReleasesEverythingAndMovesNoMoney() {
        User user = funded("100");
        AccountId wallet = wallet(user);
        Hold hold = held(holds.place(payout(user, "80"), wallet, Money.of("80", Currency.NGN)).block());

        Hold voided = held(holds.voidHold(hold.id(), "provider refused").block());

        assertThat(voided.status()).isEqualTo(HoldStatus.VOIDED);
        assertThat(voided.reason()).isEqualTo("provider refused");
        assertThat(held(wallet)).isEqualByComparingTo("0");
        assertThat(PaymentsTestServer.balance(database, wallet.toString())).isEqualByComparingTo("100");
        assertThat(PaymentsTestServer.journalEntriesOf(database, wallet.toString())).isEqualTo(1); // the deposit
    }

    @Test
    void aHoldPastItsExpiryOnTheServerClockCannotBePostedAndTheSweepExpiresIt() {
        User user = funded("100");
        AccountId wallet = wallet(user);
        TransferId transfer = payout(user, "40");
        Hold hold = held(holds.place(transfer, wallet, Money.of("40", Currency.NGN), Duration.ofMinutes(5)).block());
        AccountId clearing = clearing();
        List<Posting> postings = List.of(Posting.debit(wallet, Money.of("40", Currency.NGN)),
                Posting.credit(clearing, Money.of("40", Currency.NGN)));

        clock.advance(Duration.ofMinutes(5));

        assertThat(refused(holds.post(hold.id(), Money.of("40", Currency.NGN), postings).block()))
                .isEqualTo(RejectionCode.HOLD_EXPIRED);
        assertThat(held(wallet)).isEqualByComparingTo("40"); // still PENDING until the sweep

        List<HoldExpired> expired = holds.expireDue().collectList().block();

        assertThat(expired).contains(new HoldExpired(hold.id(), transfer));
        assertThat(events.expired).contains(new HoldExpired(hold.id(), transfer));
        assertThat(holds.find(hold.id()).block().status()).isEqualTo(HoldStatus.EXPIRED);
        assertThat(held(wallet)).isEqualByComparingTo("0");
        assertThat(refused(holds.post(hold.id(), Money.of("40", Currency.NGN), postings).block()))
                .isEqualTo(RejectionCode.HOLD_EXPIRED);
        assertThat(PaymentsTestServer.balance(database, wallet.toString())).isEqualByComparingTo("100");
        assertThat(holds.expireDue().collectList().block()).doesNotContain(new HoldExpired(hold.id(), transfer));
    }

    @Test
    void twoRacingResolutionsOfOneHoldResolveItOnce() {
        for (int round = 0; round < 5; round++) {
            User user = funded("100");
            AccountId wallet = wallet(user);
            Hold hold = held(holds.place(payout(user, "70"), wallet, Money.of("70", Currency.NGN)).block());
            AccountId clearing = clearing();
            List<Posting> postings = List.of(Posting.debit(wallet, Money.of("70", Currency.NGN)),
                    Posting.credit(clearing, Money.of("70", Currency.NGN)));

            List<HoldResult> results = Flux.merge(
                            Mono.defer(() -> holds.post(hold.id(), Money.of("70", Currency.NGN), postings)),
                            Mono.defer(() -> holds.post(hold.id(), Money.of("70", Currency.NGN), postings)),
                            Mono.defer(() -> holds.voidHold(hold.id(), "race")))
                    .collectList().block();

            List<HoldResult> won = new ArrayList<>(results.stream().filter(HoldResult.Held.class::isInstance).toList());
            assertThat(won).hasSize(1);
            assertThat(results.stream().filter(HoldResult.Refused.class::isInstance).map(this::refused))
                    .containsOnly(RejectionCode.HOLD_ALREADY_RESOLVED).hasSize(2);
            BigDecimal expected = held(won.get(0)).status() == HoldStatus.POSTED ? new BigDecimal("30") : new BigDecimal("100");
            assertThat(PaymentsTestServer.balance(database, wallet.toString())).isEqualByComparingTo(expected);
            assertThat(held(wallet)).isEqualByComparingTo("0");
        }
    }

    @Test
    void theDatabaseResolvesAHoldAtMostOnceAndNeverLetsHeldExceedTheBalance() {
        User user = funded("100");
        AccountId wallet = wallet(user);
        TransferId transfer = payout(user, "60");
        Hold hold = held(holds.place(transfer, wallet, Money.of("60", Currency.NGN)).block());
        held(holds.voidHold(hold.id(), "first").block());

        assertThatThrownBy(() -> database.sql("update hold set status = 'POSTED', posted_amount = 60 where id = :id")
                .bind("id", hold.id().value()).then().block()).hasMessageContaining("already VOIDED");
        assertThatThrownBy(() -> database.sql("delete from hold where id = :id")
                .bind("id", hold.id().value()).then().block()).hasMessageContaining("never deleted");
        // A hold bigger than the available balance, written behind the service's back: the CHECK refuses it.
        assertThatThrownBy(() -> database.sql("insert into hold (id, transfer_id, account_id, amount, currency, expires_at) "
                        + "values (:id, :transfer, :account, 100.01, 'NGN', now() + interval '1 hour')")
                .bind("id", UUID.randomUUID()).bind("transfer", payout(user, "100").value()).bind("account", wallet.value())
                .then().block()).hasMessageContaining("ledger_account_available_non_negative");
        assertThat(held(wallet)).isEqualByComparingTo("0");
        assertThat(holds.find(new HoldId(hold.id().value())).block().status()).isEqualTo(HoldStatus.VOIDED);
    }

    @Test
    void transfersMoveThroughTheirStatesByCompareAndSetWritingHistory() {
        User user = funded("100");
        TransferId transfer = payout(user, "10");

        assertThat(transfers.transition(transfer, TransferStatus.INITIATED, TransferStatus.VALIDATING, "checking").block()).isTrue();
        assertThat(transfers.transition(transfer, TransferStatus.INITIATED, TransferStatus.VALIDATING, "again").block()).isFalse();
        assertThat(transfers.fail(transfer, TransferStatus.VALIDATING, TransferStatus.FAILED, "INVALID_BANK_ACCOUNT",
                "No such account").block()).isTrue();

        List<String> history = database.sql("select status || ':' || coalesce(reason, '') from transfer_status_change "
                        + "where transfer_id = :id order by id").bind("id", transfer.value())
                .map(row -> row.get(0, String.class)).all().collectList().block();
        assertThat(history).containsExactly("INITIATED:requested", "VALIDATING:checking", "FAILED:No such account");
        Transfer stored = transfers.findById(transfer).block().transfer();
        assertThat(stored.status()).isEqualTo(TransferStatus.FAILED);
        assertThat(stored.failure().code()).isEqualTo("INVALID_BANK_ACCOUNT");
        assertThat(stored.fees().provider()).isEqualTo(Money.of("10", Currency.NGN));
        assertThat(stored.fee()).isEqualTo(Money.of("11", Currency.NGN));
        List<String> outbox = database.sql("select payload->>'status' from outbox_event where aggregate_type = 'Transfer' "
                        + "and aggregate_id = :id order by id").bind("id", transfer.toString())
                .map(row -> row.get(0, String.class)).all().collectList().block();
        assertThat(outbox).containsExactly("INITIATED", "VALIDATING", "FAILED");
    }
}
