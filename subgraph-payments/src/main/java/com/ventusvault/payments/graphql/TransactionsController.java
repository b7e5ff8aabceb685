package com.ventusvault.payments.graphql;

import com.ventusvault.payments.domain.AccountId;
import com.ventusvault.payments.transactions.TransactionCursor;
import com.ventusvault.payments.transactions.TransactionFilter;
import com.ventusvault.payments.transactions.WalletTransactions;
import com.ventusvault.platform.errors.ApiException;
import com.ventusvault.platform.errors.ErrorCode;
import com.ventusvault.platform.security.Viewer;
import java.util.Optional;
import java.util.UUID;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * {@code Wallet.transactions}: the owner's view of the transfers into or out of a wallet, newest first, as a Relay
 * connection. Like {@code Wallet.balance} it is FORBIDDEN to anyone but the owner. {@code first} outside
 * 0..100 and an {@code after} that is not a cursor this field handed out are BAD_REQUEST.
 */
@Controller
public class TransactionsController {

    private final WalletTransactions history;

    public TransactionsController(WalletTransactions history) {
        this.history = history;
    }

    @SchemaMapping(typeName = "Wallet")
    public Mono<TransferConnection> transactions(Wallet wallet, @Argument Integer first, @Argument String after,
                                                 @Argument TransactionFilter filter, Viewer viewer) {
        if (!viewer.userId().equals(wallet.ownerId())) {
            throw new ApiException(ErrorCode.FORBIDDEN,
                    "Only the owner of wallet " + wallet.id() + " can see its transactions");
        }
        int size = first == null ? 20 : first;
        if (size < 0 || size > WalletTransactions.MAX_PAGE) {
            throw ApiException.badInput("first must be between 0 and " + WalletTransactions.MAX_PAGE + ", got " + size,
                    "first");
        }
        Optional<TransactionCursor> cursor = Optional.empty();
        if (after != null) {
            cursor = Optional.of(TransactionCursor.decode(after).orElseThrow(() -> ApiException.badInput(
                    "after is not a cursor of Wallet.transactions: pass an edge's cursor or pageInfo.endCursor unchanged",
                    "after")));
        }
        if (filter != null && filter.since() != null && filter.until() != null && !filter.since().isBefore(filter.until())) {
            throw ApiException.badInput("filter.since must be before filter.until", "filter", "since");
        }
        return history.page(new AccountId(UUID.fromString(wallet.id())), size, cursor,
                        filter == null ? TransactionFilter.ANY : filter)
                .map(TransferConnection::of);
    }
}
