package com.ventusvault.payments.payouts;

import static com.ventusvault.payments.domain.TransferStatus.BALANCE_RESERVED;
import static com.ventusvault.payments.domain.TransferStatus.COMPENSATED;
import static com.ventusvault.payments.domain.TransferStatus.COMPLETED;
import static com.ventusvault.payments.domain.TransferStatus.EXPIRED;
import static com.ventusvault.payments.domain.TransferStatus.FAILED;
import static com.ventusvault.payments.domain.TransferStatus.INITIATED;
import static com.ventusvault.payments.domain.TransferStatus.PROVIDER_PROCESSING;
import static com.ventusvault.payments.domain.TransferStatus.SENT_TO_PROVIDER;
import static com.ventusvault.payments.domain.TransferStatus.VALIDATING;

import com.ventusvault.payments.domain.TransferStatus;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The payout state machine, as pure rules (no Spring, no database): which status may follow which.
 * <pre>
 * INITIATED -> VALIDATING -> BALANCE_RESERVED -> SENT_TO_PROVIDER -> PROVIDER_PROCESSING -> COMPLETED
 *     any state before COMPLETED -> FAILED; FAILED -> COMPENSATED (the hold voided, nothing debited)
 *     BALANCE_RESERVED -> EXPIRED (the hold expired before the provider took the payout)
 * </pre>
 * Once the payout is with the provider it never expires: money may already have left, so only the provider's answer
 * (or a status check) settles it. A FAILED payout that never held a balance (invalid account, insufficient funds)
 * stays FAILED; one that did moves on to COMPENSATED. {@code TransferRepository.transition} enforces each step as a
 * compare-and-set in the database; this class says which steps exist at all.
 */
public final class PayoutLifecycle {

    private static final Map<TransferStatus, Set<TransferStatus>> NEXT = new EnumMap<>(TransferStatus.class);

    static {
        NEXT.put(INITIATED, EnumSet.of(VALIDATING, FAILED));
        NEXT.put(VALIDATING, EnumSet.of(BALANCE_RESERVED, FAILED));
        NEXT.put(BALANCE_RESERVED, EnumSet.of(SENT_TO_PROVIDER, FAILED, EXPIRED));
        NEXT.put(SENT_TO_PROVIDER, EnumSet.of(PROVIDER_PROCESSING, FAILED));
        NEXT.put(PROVIDER_PROCESSING, EnumSet.of(COMPLETED, FAILED));
        NEXT.put(FAILED, EnumSet.of(COMPENSATED));
    }

    private PayoutLifecycle() {
    }

    /** The result of asking for a step: allowed, or refused with a message naming both states. */
    public sealed interface Step {

        record Allowed(TransferStatus from, TransferStatus to) implements Step {
        }

        record Illegal(TransferStatus from, TransferStatus to, String message) implements Step {
        }
    }

    /** Whether a payout may go from {@code from} straight to {@code to}. */
    public static boolean allows(TransferStatus from, TransferStatus to) {
        return NEXT.getOrDefault(from, Set.of()).contains(to);
    }

    public static Step step(TransferStatus from, TransferStatus to) {
        return allows(from, to) ? new Step.Allowed(from, to)
                : new Step.Illegal(from, to, "A payout cannot go from " + from + " to " + to);
    }

    /**
     * Checks a step the caller is about to take, for code paths where an illegal step is a bug, not a business case.
     *
     * @throws IllegalStateException naming both states when the step does not exist
     */
    public static void require(TransferStatus from, TransferStatus to) {
        if (step(from, to) instanceof Step.Illegal illegal) {
            throw new IllegalStateException(illegal.message());
        }
    }

    /** The statuses that may follow {@code from} (empty for a final status). */
    public static Set<TransferStatus> successors(TransferStatus from) {
        Set<TransferStatus> next = NEXT.get(from);
        return next == null ? Set.of() : Set.copyOf(next);
    }

    /**
     * Whether nothing more happens to a payout in this status. FAILED is final only when no balance was reserved
     * ({@code holdPlaced} false); otherwise the hold must still be voided (COMPENSATED).
     */
    public static boolean isFinal(TransferStatus status, boolean holdPlaced) {
        return switch (status) {
            case COMPLETED, COMPENSATED, EXPIRED -> true;
            case FAILED -> !holdPlaced;
            case INITIATED, VALIDATING, BALANCE_RESERVED, SENT_TO_PROVIDER, PROVIDER_PROCESSING, COMPENSATING -> false;
        };
    }

    /**
     * Whether money may already have left with the provider: a payout in this status is never expired, only settled
     * by the provider's answer.
     */
    public static boolean isWithProvider(TransferStatus status) {
        return status == SENT_TO_PROVIDER || status == PROVIDER_PROCESSING;
    }

    /** Whether a hold's expiry turns a payout in this status into EXPIRED. */
    public static boolean expiresWithHold(TransferStatus status) {
        return allows(status, EXPIRED);
    }
}
