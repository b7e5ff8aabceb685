package com.ventusvault.payments.providers;

import static org.assertj.core.api.Assertions.assertThat;

import com.ventusvault.payments.domain.Currency;
import com.ventusvault.payments.domain.Money;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ProviderScoreTests {

    private static ProviderScore.Input input(ProviderName provider, double breaker, double success, String fee,
                                             OptionalDouble latency) {
        return new ProviderScore.Input(provider, breaker, success, Money.of(fee, Currency.NGN), latency);
    }

    @Test
    void equallyHealthyAndFastProvidersAreRankedByFee() {
        List<ProviderScore> ranked = ProviderScore.rank(List.of(
                input(ProviderName.FLUTTERWAVE, 1, 1, "10.75", OptionalDouble.of(100)),
                input(ProviderName.PAYSTACK, 1, 1, "10", OptionalDouble.of(100))));
        assertThat(ranked).extracting(ProviderScore::provider).containsExactly(ProviderName.PAYSTACK, ProviderName.FLUTTERWAVE);
        assertThat(ranked.getFirst().total()).isEqualTo(1.0);
        assertThat(ranked.get(1).cost()).isEqualTo(10 / 10.75);
    }

    @Test
    void healthWeighsMoreThanCostAndSpeed() {
        List<ProviderScore> ranked = ProviderScore.rank(List.of(
                input(ProviderName.PAYSTACK, 1, 0.5, "10", OptionalDouble.of(50)),
                input(ProviderName.FLUTTERWAVE, 1, 1, "10.75", OptionalDouble.of(100))));
        // Paystack 0.5*0.5 + 0.3*1 + 0.2*1 = 0.75; Flutterwave 0.5*1 + 0.3*0.93 + 0.2*0.5 = 0.879
        assertThat(ranked.getFirst().provider()).isEqualTo(ProviderName.FLUTTERWAVE);
    }

    @Test
    void aMuchFasterProviderCanBeatASlightlyCheaperOne() {
        List<ProviderScore> ranked = ProviderScore.rank(List.of(
                input(ProviderName.PAYSTACK, 1, 1, "10", OptionalDouble.of(1000)),
                input(ProviderName.FLUTTERWAVE, 1, 1, "10.75", OptionalDouble.of(100))));
        assertThat(ranked.getFirst().provider()).isEqualTo(ProviderName.FLUTTERWAVE);
        assertThat(ranked.get(1).speed()).isEqualTo(0.1);
    }
}
