package com.ventusvault.payments.graphql;

import com.ventusvault.payments.domain.Currency;
import com.ventusvault.payments.domain.LedgerAccount;
import com.ventusvault.payments.persistence.LedgerAccountRepository;
import com.ventusvault.platform.security.Viewer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * What payments adds to the accounts-owned {@code User}: {@code wallets} and {@code wallet(currency)}.
 *
 * <p>Visibility: a user's wallets are shown only to that user. For any other signed-in viewer {@code wallets} is an
 * empty list and {@code wallet(currency)} is {@code null} (no error, so a gateway query mixing users still
 * succeeds); without a token both fail with UNAUTHENTICATED. Both fields load through one DataLoader
 * ({@code walletsByOwner}), so a batch of users costs one query.
 */
@Controller
public class UserController {

    public UserController(BatchLoaderRegistry registry, LedgerAccountRepository accounts) {
        registry.<UUID, List<LedgerAccount>>forName("walletsByOwner").registerMappedBatchLoader((owners, env) ->
                accounts.walletsOwnedBy(owners).collectMultimap(LedgerAccount::owner)
                        .map(byOwner -> {
                            Map<UUID, List<LedgerAccount>> result = new java.util.HashMap<>();
                            byOwner.forEach((owner, wallets) -> result.put(owner, List.copyOf(wallets)));
                            return result;
                        }));
    }

    /** Users are accounts' entities; payments only needs their ids, so every representation resolves. */
    @EntityMapping("User")
    public List<User> users(List<Map<String, Object>> representations) {
        return representations.stream().map(representation -> new User(String.valueOf(representation.get("id")))).toList();
    }

    @SchemaMapping(typeName = "User")
    public CompletableFuture<List<Wallet>> wallets(User user, Viewer viewer,
                                                       DataLoader<UUID, List<LedgerAccount>> walletsByOwner) {
        if (!isViewer(user, viewer)) {
            return CompletableFuture.completedFuture(List.of());
        }
        return walletsByOwner.load(viewer.userId())
                .thenApply(wallets -> wallets == null ? List.of() : wallets.stream().map(Wallet::of).toList());
    }

    @SchemaMapping(typeName = "User")
    public CompletableFuture<Wallet> wallet(User user, @Argument String currency, Viewer viewer,
                                                DataLoader<UUID, List<LedgerAccount>> walletsByOwner) {
        Currency wanted = WalletController.parseCurrency(currency, "currency");
        if (!isViewer(user, viewer)) {
            return CompletableFuture.completedFuture(null);
        }
        return walletsByOwner.load(viewer.userId()).thenApply(wallets -> wallets == null ? null : wallets.stream()
                .filter(wallet -> wallet.currency() == wanted).findFirst().map(Wallet::of).orElse(null));
    }

    private static boolean isViewer(User user, Viewer viewer) {
        return viewer.userId().toString().equalsIgnoreCase(user.id());
    }
}
