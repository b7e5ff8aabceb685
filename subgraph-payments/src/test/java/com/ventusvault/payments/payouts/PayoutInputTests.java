package com.ventusvault.payments.payouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ventusvault.payments.domain.AccountId;
import com.ventusvault.payments.domain.Currency;
import com.ventusvault.payments.domain.Money;
import com.ventusvault.payments.providers.ProviderName;
import com.ventusvault.platform.errors.ApiException;
import com.ventusvault.platform.errors.ErrorCode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PayoutInputTests {

    private static PayoutInput input(String amount, String bankCode, String accountNumber, String narration, String key) {
        return new PayoutInput("wallet", amount == null ? null : new BigDecimal(amount), bankCode, accountNumber,
                ProviderName.PAYSTACK, narration, key);
    }

    @Test
    void aWellFormedPayoutBecomesAnInstructionAtTheNairaScale() {
        PayoutInstruction instruction = input("1500.5", " 058 ", "0123456789", "  Rent  ", "key-1").validate();

        assertThat(instruction.amount()).isEqualTo(Money.of("1500.50", Currency.NGN));
        assertThat(instruction.bankCode()).isEqualTo("058");
        assertThat(instruction.accountNumber()).isEqualTo("0123456789");
        assertThat(instruction.narration()).isEqualTo("Rent");
        assertThat(instruction.provider()).contains(ProviderName.PAYSTACK);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "10.001 | 058    | 0123456789 | amount",
            "0      | 058    | 0123456789 | amount",
            "-1     | 058    | 0123456789 | amount",
            "10     | 05     | 0123456789 | bankCode",
            "10     | 1234567| 0123456789 | bankCode",
            "10     | 05a    | 0123456789 | bankCode",
            "10     | 058    | 012345678  | accountNumber",
            "10     | 058    | 01234567890| accountNumber",
            "10     | 058    | 01234-6789 | accountNumber"})
    void malformedFieldsAreBadRequestsNamingTheField(String amount, String bankCode, String accountNumber, String field) {
        assertThatThrownBy(() -> input(amount, bankCode, accountNumber, null, "k").validate())
                .isInstanceOfSatisfying(ApiException.class, error -> {
                    assertThat(error.code()).isEqualTo(ErrorCode.BAD_REQUEST);
                    assertThat(error.field()).isEqualTo(List.of("input", field));
                });
    }

    @Test
    void narrationIsAtMostOneHundredCharacters() {
        assertThat(input("10", "058", "0123456789", "x".repeat(100), "k").validate().narration()).hasSize(100);
        assertThatThrownBy(() -> input("10", "058", "0123456789", "x".repeat(101), "k").validate())
                .isInstanceOf(ApiException.class).hasMessageContaining("100");
    }

    @Test
    void theKeyIsRequiredAndBounded() {
        assertThatThrownBy(() -> input("10", "058", "0123456789", null, " ").validate()).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> input("10", "058", "0123456789", null, "k".repeat(256)).validate())
                .isInstanceOf(ApiException.class);
    }

    @Test
    void theAccountNumberIsNeverEchoedInTheError() {
        assertThatThrownBy(() -> input("10", "058", "98765432", null, "k").validate())
                .isInstanceOf(ApiException.class).message().doesNotContain("98765432");
    }

    @Test
    void theFingerprintTellsPayoutsToOtherAccountsOrProvidersApart() {
        UUID user = UUID.randomUUID();
        AccountId wallet = new AccountId(UUID.randomUUID());
        PayoutInstruction base = input("10", "058", "0123456789", null, "k").validate();
        PayoutInstruction otherAccount = input("10", "058", "0123456788", null, "k").validate();
        PayoutInstruction router = new PayoutInstruction(base.walletId(), base.amount(), base.bankCode(),
                base.accountNumber(), Optional.empty(), base.narration(), base.idempotencyKey());

        String fingerprint = base.request(user, wallet).fingerprint();
        assertThat(input("10.00", "058", "0123456789", null, "k").validate().request(user, wallet).fingerprint())
                .isEqualTo(fingerprint);
        assertThat(otherAccount.request(user, wallet).fingerprint()).isNotEqualTo(fingerprint);
        assertThat(router.request(user, wallet).fingerprint()).isNotEqualTo(fingerprint);
    }
}
