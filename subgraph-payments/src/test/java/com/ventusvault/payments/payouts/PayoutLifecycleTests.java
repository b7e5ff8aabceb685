package com.ventusvault.payments.payouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ventusvault.payments.domain.TransferStatus;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class PayoutLifecycleTests {

    @Test
    void theHappyPathIsOneLegalStepAtATime() {
        List<TransferStatus> path = List.of(TransferStatus.INITIATED, TransferStatus.VALIDATING,
                TransferStatus.BALANCE_RESERVED, TransferStatus.SENT_TO_PROVIDER, TransferStatus.PROVIDER_PROCESSING,
                TransferStatus.COMPLETED);
        for (int i = 1; i < path.size(); i++) {
            assertThat(PayoutLifecycle.step(path.get(i - 1), path.get(i)))
                    .isEqualTo(new PayoutLifecycle.Step.Allowed(path.get(i - 1), path.get(i)));
        }
    }

    @ParameterizedTest
    @EnumSource(value = TransferStatus.class, names = {"INITIATED", "VALIDATING", "BALANCE_RESERVED",
            "SENT_TO_PROVIDER", "PROVIDER_PROCESSING"})
    void everyStateBeforeCompletionMayFail(TransferStatus from) {
        assertThat(PayoutLifecycle.allows(from, TransferStatus.FAILED)).isTrue();
    }

    @Test
    void aFailureIsCompensatedAndNothingElse() {
        assertThat(PayoutLifecycle.successors(TransferStatus.FAILED)).containsExactly(TransferStatus.COMPENSATED);
    }

    @Test
    void onlyAReservedPayoutNotYetSentExpires() {
        Set<TransferStatus> expiring = EnumSet.noneOf(TransferStatus.class);
        for (TransferStatus status : TransferStatus.values()) {
            if (PayoutLifecycle.expiresWithHold(status)) {
                expiring.add(status);
            }
        }
        assertThat(expiring).containsExactly(TransferStatus.BALANCE_RESERVED);
        assertThat(PayoutLifecycle.isWithProvider(TransferStatus.SENT_TO_PROVIDER)).isTrue();
        assertThat(PayoutLifecycle.isWithProvider(TransferStatus.PROVIDER_PROCESSING)).isTrue();
        assertThat(PayoutLifecycle.allows(TransferStatus.SENT_TO_PROVIDER, TransferStatus.EXPIRED)).isFalse();
        assertThat(PayoutLifecycle.allows(TransferStatus.PROVIDER_PROCESSING, TransferStatus.EXPIRED)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            "INITIATED, BALANCE_RESERVED",
            "VALIDATING, SENT_TO_PROVIDER",
            "BALANCE_RESERVED, COMPLETED",
            "BALANCE_RESERVED, PROVIDER_PROCESSING",
            "SENT_TO_PROVIDER, COMPLETED",
            "PROVIDER_PROCESSING, COMPENSATED",
            "COMPLETED, FAILED",
            "COMPLETED, COMPENSATED",
            "COMPENSATED, COMPLETED",
            "EXPIRED, SENT_TO_PROVIDER",
            "FAILED, COMPLETED",
            "PROVIDER_PROCESSING, SENT_TO_PROVIDER",
            "VALIDATING, INITIATED"})
    void refusesIllegalSteps(TransferStatus from, TransferStatus to) {
        assertThat(PayoutLifecycle.step(from, to)).isInstanceOfSatisfying(PayoutLifecycle.Step.Illegal.class,
                illegal -> assertThat(illegal.message()).isEqualTo("A payout cannot go from " + from + " to " + to));
        assertThatThrownBy(() -> PayoutLifecycle.require(from, to)).isInstanceOf(IllegalStateException.class)
                .hasMessage("A payout cannot go from " + from + " to " + to);
    }

    @Test
    void finalStatesHaveNoSuccessors() {
        List<TransferStatus> finals = new ArrayList<>();
        for (TransferStatus status : TransferStatus.values()) {
            if (PayoutLifecycle.isFinal(status, true)) {
                finals.add(status);
                assertThat(PayoutLifecycle.successors(status)).isEmpty();
            }
        }
        assertThat(finals).containsExactlyInAnyOrder(TransferStatus.COMPLETED, TransferStatus.COMPENSATED,
                TransferStatus.EXPIRED);
    }

    @Test
    void aFailureWithoutAHoldIsFinalAndOneWithAHoldIsNot() {
        assertThat(PayoutLifecycle.isFinal(TransferStatus.FAILED, false)).isTrue();
        assertThat(PayoutLifecycle.isFinal(TransferStatus.FAILED, true)).isFalse();
    }

    @Test
    void theStepCountIsExactlyTheDocumentedOnes() {
        int steps = 0;
        for (TransferStatus from : TransferStatus.values()) {
            for (TransferStatus to : TransferStatus.values()) {
                steps += PayoutLifecycle.allows(from, to) ? 1 : 0;
            }
        }
        // 5 forward steps, 5 failures, FAILED -> COMPENSATED, BALANCE_RESERVED -> EXPIRED.
        assertThat(steps).isEqualTo(12);
    }
}
