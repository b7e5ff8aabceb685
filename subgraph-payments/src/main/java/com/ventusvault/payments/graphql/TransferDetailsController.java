package com.ventusvault.payments.graphql;

import com.ventusvault.payments.domain.TransferId;
import com.ventusvault.payments.holds.HoldStore;
import com.ventusvault.payments.persistence.TransferRepository;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * A transfer's {@code history} and {@code hold}, each loaded for every transfer of a response in one query (a page of
 * transfers costs two queries, not two per transfer). Visibility is the transfer's: whoever sees it sees these.
 */
@Controller
public class TransferDetailsController {

    private final TransferRepository transfers;
    private final HoldStore holds;

    public TransferDetailsController(TransferRepository transfers, HoldStore holds) {
        this.transfers = transfers;
        this.holds = holds;
    }

    @BatchMapping(typeName = "Transfer")
    public Mono<Map<Transfer, List<TransferStatusChange>>> history(List<Transfer> batch) {
        return transfers.historyOf(ids(batch))
                .collectMultimap(change -> change.transfer().value(), TransferStatusChange::of)
                .map(byTransfer -> {
                    Map<Transfer, List<TransferStatusChange>> result = new HashMap<>();
                    for (Transfer transfer : batch) {
                        result.put(transfer, List.copyOf(byTransfer.getOrDefault(UUID.fromString(transfer.id()), List.of())));
                    }
                    return result;
                });
    }

    @BatchMapping(typeName = "Transfer")
    public Mono<Map<Transfer, HoldView>> hold(List<Transfer> batch) {
        return holds.findByTransfers(ids(batch))
                .collectMap(hold -> hold.transfer().value(), HoldView::of)
                .map(byTransfer -> batch.stream().filter(transfer -> byTransfer.containsKey(UUID.fromString(transfer.id())))
                        .collect(Collectors.toMap(transfer -> transfer, transfer -> byTransfer.get(UUID.fromString(transfer.id())),
                                (first, second) -> first)));
    }

    private static List<TransferId> ids(List<Transfer> batch) {
        return batch.stream().map(transfer -> new TransferId(UUID.fromString(transfer.id()))).distinct().toList();
    }
}
