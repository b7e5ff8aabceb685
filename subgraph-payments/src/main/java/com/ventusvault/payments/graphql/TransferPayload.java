package com.ventusvault.payments.graphql;

import com.ventusvault.payments.domain.TransferOutcome;
import java.util.List;

/** Result of {@code sendMoney} and {@code deposit}: the transfer, or why nothing moved. */
public record TransferPayload(Transfer transfer, List<UserError> userErrors) {

    static TransferPayload of(TransferOutcome outcome) {
        return switch (outcome) {
            case TransferOutcome.Posted posted -> new TransferPayload(Transfer.of(posted.transfer()), List.of());
            case TransferOutcome.Replayed replayed -> new TransferPayload(Transfer.of(replayed.transfer()), List.of());
            case TransferOutcome.Refused refused -> new TransferPayload(null, List.of(UserError.of(refused.rejection())));
        };
    }
}
