package com.ventusvault.ai.graphql;

import com.ventusvault.ai.domain.InsightAnalyst;
import com.ventusvault.ai.domain.Insights;
import com.ventusvault.ai.domain.UserId;
import com.ventusvault.ai.domain.WalletBalance;
import com.ventusvault.ai.persistence.InsightSnapshotRepository;
import com.ventusvault.platform.errors.ApiException;
import com.ventusvault.platform.errors.ErrorCode;
import com.ventusvault.platform.security.Viewer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * {@code User} entities (batched: the representations already carry everything, so nothing is fetched) and
 * {@code User.insights}.
 *
 * <p>Insights are only for the viewer themself: asking for another user's is a FORBIDDEN error and {@code insights}
 * is null; without a token it is UNAUTHENTICATED. {@code insights} is a {@code @SchemaMapping} rather than a
 * {@code @BatchMapping} because it needs the {@link Viewer} argument (batch methods do not get custom argument
 * resolvers), and since only the viewer's own user can succeed there is at most one computation per request anyway.
 */
@Controller
class UserInsightsController {

    private final InsightSnapshotRepository snapshots;
    private final InsightAnalyst analyst = new InsightAnalyst();
    private final Clock clock;

    UserInsightsController(InsightSnapshotRepository snapshots, Clock clock) {
        this.snapshots = snapshots;
        this.clock = clock;
    }

    @EntityMapping
    List<User> user(List<Map<String, Object>> representations) {
        List<User> users = new ArrayList<>(representations.size());
        for (int i = 0; i < representations.size(); i++) {
            users.add(UserRepresentationReader.read(representations.get(i), i));
        }
        return users;
    }

    /** Computes the viewer's insights and records the balances seen, which the next computation compares against. */
    @SchemaMapping(typeName = "User")
    Mono<Insights> insights(User user, Viewer viewer) {
        if (!viewer.userId().toString().equalsIgnoreCase(user.id().strip())) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Insights of user " + user.id() + " are only for that user");
        }
        if (user.wallets() == null) {
            throw ApiException.badInput("The User representation carries no wallets: insights @requires "
                    + "wallets { id currency balance { amount currency } }", "representations");
        }
        List<WalletBalance> balances = user.wallets().stream()
                .map(wallet -> new WalletBalance(wallet.id(), wallet.currency(), wallet.balance().amount()))
                .toList();
        Instant now = clock.instant();
        return snapshots.replace(new UserId(viewer.userId()), balances, now)
                .map(previous -> analyst.analyse(balances, previous, now));
    }
}
