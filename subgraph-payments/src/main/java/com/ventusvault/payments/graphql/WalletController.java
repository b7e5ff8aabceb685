package com.ventusvault.payments.graphql;

import com.ventusvault.payments.domain.AccountId;
import com.ventusvault.payments.domain.Currency;
import com.ventusvault.payments.domain.LedgerAccount;
import com.ventusvault.payments.domain.Money;
import com.ventusvault.payments.persistence.LedgerAccountRepository;
import com.ventusvault.platform.errors.ApiException;
import com.ventusvault.platform.errors.ErrorCode;
import com.ventusvault.platform.security.Viewer;
import graphql.GraphQLContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Wallets: opening one, resolving {@code Wallet} entities for the gateway, and a wallet's owner and balance.
 * A wallet is private: entity resolution answers {@code null} for wallets of other users (as for unknown ids, so
 * existence does not leak), and {@code balance}, {@code available} and {@code held} are FORBIDDEN to anyone but the owner (a payer sees the recipient
 * wallet of a transfer, not what is in it).
 */
@Controller
public class WalletController {

    private final LedgerAccountRepository accounts;

    public WalletController(LedgerAccountRepository accounts) {
        this.accounts = accounts;
    }

    @MutationMapping
    public Mono<WalletPayload> openWallet(@Argument String currency, Viewer viewer) {
        Currency parsed = parseCurrency(currency, "currency");
        return accounts.openWallet(viewer.userId(), parsed)
                .map(wallet -> new WalletPayload(Wallet.of(wallet), List.of()));
    }

    /** Batched: every Wallet representation of one request in one query. */
    @EntityMapping("Wallet")
    public Mono<List<Wallet>> wallets(List<Map<String, Object>> representations, GraphQLContext context) {
        Viewer viewer = SignedIn.viewer(context);
        List<Optional<AccountId>> ids = representations.stream()
                .map(representation -> AccountId.parse(String.valueOf(representation.get("id")))).toList();
        List<AccountId> known = ids.stream().flatMap(Optional::stream).distinct().toList();
        return accounts.findByIds(known)
                .filter(account -> account.isWalletOf(viewer.userId()))
                .collectMap(LedgerAccount::id, Function.identity())
                .map(found -> {
                    List<Wallet> result = new ArrayList<>(ids.size());
                    for (Optional<AccountId> id : ids) {
                        result.add(id.map(found::get).map(Wallet::of).orElse(null));
                    }
                    return result;
                });
    }

    @SchemaMapping(typeName = "Wallet")
    public User owner(Wallet wallet) {
        return new User(wallet.ownerId().toString());
    }

    @SchemaMapping(typeName = "Wallet")
    public Money balance(Wallet wallet, Viewer viewer) {
        requireOwner(wallet, viewer);
        return wallet.posted();
    }

    /** Balance minus held: what the owner can spend now. */
    @SchemaMapping(typeName = "Wallet")
    public Money available(Wallet wallet, Viewer viewer) {
        requireOwner(wallet, viewer);
        return wallet.posted().minus(wallet.reserved());
    }

    /** What pending holds reserve (still part of the balance). */
    @SchemaMapping(typeName = "Wallet")
    public Money held(Wallet wallet, Viewer viewer) {
        requireOwner(wallet, viewer);
        return wallet.reserved();
    }

    private static void requireOwner(Wallet wallet, Viewer viewer) {
        if (!viewer.userId().equals(wallet.ownerId())) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only the owner of wallet " + wallet.id() + " can see its balance");
        }
    }

    /** A supported currency, or BAD_REQUEST naming the field and the supported codes. */
    static Currency parseCurrency(String code, String... field) {
        return Currency.fromCode(code).orElseThrow(() -> ApiException.badInput("Unknown currency '" + code
                + "': use one of " + Currency.supportedCodes(), field));
    }

}
