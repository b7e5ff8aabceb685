package com.ventusvault.payments.graphql;

import com.ventusvault.payments.escrow.EscrowOutcome;
import java.util.List;

/**
 * Result of {@code createEscrow}, {@code releaseEscrow} and {@code cancelEscrow}: the escrow, or why nothing moved.
 * A refusal about an escrow the caller may see (ESCROW_ALREADY_RESOLVED, ESCROW_EXPIRED, NOT_ESCROW_PAYER) still
 * carries the escrow as it now is; ESCROW_NOT_FOUND and refused creations carry none.
 */
public record EscrowPayload(Escrow escrow, List<UserError> userErrors) {

    static EscrowPayload of(EscrowOutcome outcome) {
        return switch (outcome) {
            case EscrowOutcome.Done done -> new EscrowPayload(Escrow.of(done.escrow()), List.of());
            case EscrowOutcome.Refused refused -> new EscrowPayload(
                    refused.escrow() == null ? null : Escrow.of(refused.escrow()),
                    List.of(UserError.of(refused.rejection())));
        };
    }
}
