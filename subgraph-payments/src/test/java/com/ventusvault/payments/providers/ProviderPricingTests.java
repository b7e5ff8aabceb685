package com.ventusvault.payments.providers;

import static org.assertj.core.api.Assertions.assertThat;

import com.ventusvault.payments.domain.Currency;
import com.ventusvault.payments.domain.Money;
import com.ventusvault.payments.domain.TransferKind;
import org.junit.jupiter.api.Test;

class ProviderPricingTests {

    private static Money ngn(String amount) {
        return Money.of(amount, Currency.NGN);
    }

    @Test
    void payoutFeesFollowTheThreeBandsOfEachProvider() {
        assertThat(ProviderPricing.fee(ProviderName.PAYSTACK, TransferKind.PAYOUT, ngn("5000"))).isEqualTo(ngn("10"));
        assertThat(ProviderPricing.fee(ProviderName.PAYSTACK, TransferKind.PAYOUT, ngn("5000.01"))).isEqualTo(ngn("25"));
        assertThat(ProviderPricing.fee(ProviderName.PAYSTACK, TransferKind.PAYOUT, ngn("50000"))).isEqualTo(ngn("25"));
        assertThat(ProviderPricing.fee(ProviderName.PAYSTACK, TransferKind.PAYOUT, ngn("50000.01"))).isEqualTo(ngn("50"));
        assertThat(ProviderPricing.fee(ProviderName.FLUTTERWAVE, TransferKind.PAYOUT, ngn("100"))).isEqualTo(ngn("10.75"));
        assertThat(ProviderPricing.fee(ProviderName.FLUTTERWAVE, TransferKind.PAYOUT, ngn("20000"))).isEqualTo(ngn("26.88"));
        assertThat(ProviderPricing.fee(ProviderName.FLUTTERWAVE, TransferKind.PAYOUT, ngn("900000"))).isEqualTo(ngn("53.75"));
    }

    @Test
    void depositFeesWaiveTheFlatPartUnder2500AndCapAt2000() {
        assertThat(ProviderPricing.fee(ProviderName.PAYSTACK, TransferKind.DEPOSIT, ngn("2000"))).isEqualTo(ngn("30"));
        assertThat(ProviderPricing.fee(ProviderName.PAYSTACK, TransferKind.DEPOSIT, ngn("2500"))).isEqualTo(ngn("137.50"));
        assertThat(ProviderPricing.fee(ProviderName.PAYSTACK, TransferKind.DEPOSIT, ngn("1000000"))).isEqualTo(ngn("2000"));
        assertThat(ProviderPricing.fee(ProviderName.FLUTTERWAVE, TransferKind.DEPOSIT, ngn("10.01"))).isEqualTo(ngn("0.15"));
        assertThat(ProviderPricing.fee(ProviderName.FLUTTERWAVE, TransferKind.DEPOSIT, ngn("1000000"))).isEqualTo(ngn("2000"));
    }

    @Test
    void kindsThatNeverReachAProviderCostNothing() {
        assertThat(ProviderPricing.fee(ProviderName.PAYSTACK, TransferKind.P2P, ngn("100"))).isEqualTo(ngn("0"));
    }
}
