package com.ventusvault.payments.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTests {

    @Test
    void eachCurrencyHasItsScale() {
        assertThat(Currency.USD.scale()).isEqualTo(2);
        assertThat(Currency.NGN.scale()).isEqualTo(2);
        assertThat(Currency.BTC.scale()).isEqualTo(8);
        assertThat(Currency.ETH.scale()).isEqualTo(18);
        assertThat(Currency.USDT.scale()).isEqualTo(6);
        assertThat(Currency.USDC.scale()).isEqualTo(6);
        assertThat(Currency.SOL.scale()).isEqualTo(9);
        assertThat(Currency.fromCode(" usdc ")).contains(Currency.USDC);
        assertThat(Currency.fromCode("DOGE")).isEmpty();
    }

    @Test
    void holdsAmountsAtTheCurrencyScaleWithoutRounding() {
        assertThat(Money.of("12.5", Currency.USD).amount()).isEqualTo(new BigDecimal("12.50"));
        assertThat(Money.of("12.500000", Currency.USD).amount()).isEqualTo(new BigDecimal("12.50"));
        assertThat(Money.of("0.000000000000000001", Currency.ETH).toString()).isEqualTo("0.000000000000000001 ETH");
        assertThatThrownBy(() -> Money.of("12.501", Currency.USD)).hasMessage("USD amounts have at most 2 decimal places, got 12.501");
        assertThatThrownBy(() -> Money.of("0.000000001", Currency.BTC)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void refusesArithmeticAcrossCurrencies() {
        assertThat(Money.of("1.10", Currency.EUR).plus(Money.of("2.05", Currency.EUR))).isEqualTo(Money.of("3.15", Currency.EUR));
        assertThat(Money.of("1", Currency.EUR).minus(Money.of("2", Currency.EUR)).isNegative()).isTrue();
        assertThatThrownBy(() -> Money.of("1", Currency.EUR).plus(Money.of("1", Currency.USD)))
                .hasMessage("Cannot combine EUR with USD");
    }

    @Test
    void checksRequestedAmountsWithMessagesAClientCanActOn() {
        assertThat(AmountCheck.of(new BigDecimal("10.10"), Currency.USD)).isEqualTo(new AmountCheck.Valid(Money.of("10.1", Currency.USD)));
        assertThat(AmountCheck.of(new BigDecimal("10.123"), Currency.USD))
                .isEqualTo(new AmountCheck.Invalid("USD amounts have at most 2 decimal places, got 10.123"));
        assertThat(AmountCheck.of(new BigDecimal("0.00"), Currency.USD))
                .isEqualTo(new AmountCheck.Invalid("Amount must be greater than zero, got 0.00"));
        assertThat(AmountCheck.of(new BigDecimal("-1"), Currency.BTC)).isInstanceOf(AmountCheck.Invalid.class);
        assertThat(AmountCheck.of(new BigDecimal("1000000000000001"), Currency.USD)).isInstanceOf(AmountCheck.Invalid.class);
        assertThat(AmountCheck.of(new BigDecimal("0.123456789"), Currency.SOL)).isInstanceOf(AmountCheck.Valid.class);
    }

    @Test
    void roundsComputedChargesUpToTheCurrencyScale() {
        assertThat(Currency.USD.roundUp(new BigDecimal("0.0505"))).isEqualTo(Money.of("0.06", Currency.USD));
        assertThat(Currency.USD.roundUp(new BigDecimal("0.005"))).isEqualTo(Money.of("0.01", Currency.USD));
        assertThat(Currency.USD.roundUp(new BigDecimal("0.0500"))).isEqualTo(Money.of("0.05", Currency.USD));
        assertThat(Currency.USD.roundUp(new BigDecimal("0.0000001"))).isEqualTo(Money.of("0.01", Currency.USD));
        assertThat(Currency.USD.roundUp(BigDecimal.ZERO)).isEqualTo(Money.zero(Currency.USD));
        assertThat(Currency.BTC.roundUp(new BigDecimal("0.000000001"))).isEqualTo(Money.of("0.00000001", Currency.BTC));
    }

    @Test
    void requestsWithTheSameMeaningHaveTheSameFingerprint() {
        AccountId wallet = new AccountId(java.util.UUID.randomUUID());
        java.util.UUID user = java.util.UUID.randomUUID();
        TransferRequest a = new TransferRequest(user, TransferKind.P2P, wallet, "email:bob@example.com",
                Money.of("10.5", Currency.USD), null, "k");
        TransferRequest b = new TransferRequest(user, TransferKind.P2P, wallet, TransferRequest.emailRecipient(" Bob@Example.com"),
                Money.of("10.50", Currency.USD), null, "k");
        TransferRequest c = new TransferRequest(user, TransferKind.P2P, wallet, "email:bob@example.com",
                Money.of("10.51", Currency.USD), null, "k");
        assertThat(a.fingerprint()).isEqualTo(b.fingerprint()).isNotEqualTo(c.fingerprint());
    }
}
