package com.ventusvault.payments.graphql;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ventusvault.payments.domain.AccountId;
import com.ventusvault.payments.domain.AccountKind;
import com.ventusvault.payments.domain.Currency;
import com.ventusvault.payments.domain.Ledger;
import com.ventusvault.payments.domain.LedgerAccount;
import com.ventusvault.payments.domain.Money;
import com.ventusvault.payments.domain.TransferKind;
import com.ventusvault.payments.domain.TransferRequest;
import com.ventusvault.payments.persistence.LedgerAccountRepository;
import com.ventusvault.payments.audit.PostingAudit;
import com.ventusvault.payments.persistence.LedgerPoster;
import com.ventusvault.payments.transfers.TransferService;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

@PaymentsIntegrationTest
class LedgerPosterIntegrationTests {

    private static final String KEY = "vanishing-" + UUID.randomUUID();

    @Autowired
    LedgerPoster poster;

    @Autowired
    LedgerAccountRepository accounts;

    @Autowired
    Ledger ledger;

    @Autowired
    DatabaseClient database;

    @Test
    void anUnclaimedKeyWithNoTransferBehindItIsAnIllegalStateNotAnEmptyAnswer() {
        UUID user = UUID.randomUUID();
        LedgerAccount wallet = accounts.openWallet(user, Currency.USD).block();
        AccountId bank = accounts.systemAccount(AccountKind.DEMO_BANK, Currency.USD).block();
        Money amount = Money.of("1", Currency.USD);
        TransferRequest request = new TransferRequest(user, TransferKind.DEPOSIT, wallet.id(), null, amount, null, KEY);
        // Makes the claim find nothing: the insert of this key is silently skipped, so no transfer ever holds it.
        database.sql("create function skip_vanishing_key() returns trigger language plpgsql as $$ begin "
                + "if new.idempotency_key = '" + KEY + "' then return null; end if; return new; end $$").then().block();
        database.sql("create trigger skip_vanishing_key before insert on transfer for each row "
                + "execute function skip_vanishing_key()").then().block();
        try {
            assertThatThrownBy(() -> poster.post(request, List.of(bank, wallet.id()),
                            locked -> ledger.planDeposit(user, locked.get(bank), locked.get(wallet.id()), amount),
                            PostingAudit.of(TransferService.DEPOSITED)).block())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining(KEY);
        } finally {
            database.sql("drop trigger skip_vanishing_key on transfer").then().block();
            database.sql("drop function skip_vanishing_key()").then().block();
        }
    }
}
