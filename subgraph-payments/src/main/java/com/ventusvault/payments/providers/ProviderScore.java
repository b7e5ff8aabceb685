package com.ventusvault.payments.providers;

import com.ventusvault.payments.domain.Money;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

/**
 * How attractive a provider is for one payout, each part in [0, 1]: health (breaker state times recent success rate)
 * weighs 50%, cost (the cheapest fee divided by this one's, so the cheapest scores 1) 30%, speed (the fastest EWMA
 * latency divided by this one's; 1 while unknown) 20%.
 */
record ProviderScore(ProviderName provider, double health, double cost, double speed) {

    static final double HEALTH_WEIGHT = 0.5;
    static final double COST_WEIGHT = 0.3;
    static final double SPEED_WEIGHT = 0.2;

    double total() {
        return HEALTH_WEIGHT * health + COST_WEIGHT * cost + SPEED_WEIGHT * speed;
    }

    /**
     * @param breaker 1 closed, 0.5 half-open, 0 open
     */
    record Input(ProviderName provider, double breaker, double successRate, Money fee, OptionalDouble latencyMillis) {
    }

    /** Best first; ties go to the provider declared first. */
    static List<ProviderScore> rank(List<Input> inputs) {
        Money cheapest = inputs.stream().map(Input::fee).min(Comparator.naturalOrder()).orElseThrow();
        double fastest = inputs.stream().map(Input::latencyMillis).filter(OptionalDouble::isPresent)
                .mapToDouble(OptionalDouble::getAsDouble).min().orElse(Double.NaN);
        return inputs.stream()
                .map(in -> new ProviderScore(in.provider(), in.breaker() * in.successRate(),
                        in.fee().isPositive() ? cheapest.amount().doubleValue() / in.fee().amount().doubleValue() : 1.0,
                        in.latencyMillis().isEmpty() || Double.isNaN(fastest) || in.latencyMillis().getAsDouble() <= 0
                                ? 1.0 : Math.min(1.0, Math.max(fastest, 0.001) / in.latencyMillis().getAsDouble())))
                .sorted(Comparator.comparingDouble(ProviderScore::total).reversed()
                        .thenComparing(ProviderScore::provider))
                .toList();
    }
}
