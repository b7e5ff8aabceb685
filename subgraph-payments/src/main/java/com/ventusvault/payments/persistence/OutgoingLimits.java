package com.ventusvault.payments.persistence;

import com.ventusvault.payments.config.PaymentsProperties;
import com.ventusvault.payments.domain.AccountId;
import com.ventusvault.payments.domain.Money;
import com.ventusvault.payments.domain.Rejection;
import com.ventusvault.payments.domain.RejectionCode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * LIMIT_EXCEEDED: at most {@code perTransfer} per transfer and {@code daily} leaving a wallet in any rolling 24 hours
 * (on the server clock), per currency ({@code ventus.payments.limits}). Outgoing means P2P, ESCROW and PAYOUT
 * transfers from the wallet, except those that FAILED, EXPIRED or were COMPENSATED (nothing left) and payouts still
 * INITIATED or VALIDATING (nothing reserved yet: they are checked themselves, under the lock, before they reserve; a
 * reserved payout in flight counts). Call it with the wallet locked ({@link LedgerPoster} does for P2P and escrow,
 * {@code payouts.PayoutService} before it places the payout's hold), so two payments cannot both fit the last of a
 * day's allowance.
 */
@Component
public class OutgoingLimits {

    private static final Duration WINDOW = Duration.ofHours(24);

    private final DatabaseClient database;
    private final PaymentsProperties.Limits limits;
    private final Clock clock;

    public OutgoingLimits(DatabaseClient database, PaymentsProperties properties, Clock clock) {
        this.database = database;
        this.limits = properties.limits();
        this.clock = clock;
    }

    /** A LIMIT_EXCEEDED refusal if moving {@code amount} out of {@code wallet} now would break a limit, else empty. */
    public Mono<Optional<Rejection>> check(AccountId wallet, Money amount) {
        if (!limits.enabled()) {
            return Mono.just(Optional.empty());
        }
        PaymentsProperties.Limit limit = limits.of(amount.currency());
        if (amount.amount().compareTo(limit.perTransfer()) > 0) {
            return Mono.just(Optional.of(Rejection.of(RejectionCode.LIMIT_EXCEEDED, "A single " + amount.currency()
                    + " transfer may move at most " + limit.perTransfer().toPlainString() + " " + amount.currency()
                    + ", got " + amount, "input", "amount")));
        }
        if (amount.amount().compareTo(limit.daily()) > 0) {
            return Mono.just(Optional.of(daily(limit, amount, BigDecimal.ZERO)));
        }
        return database.sql("select coalesce(sum(amount), 0) from transfer where from_account_id = :wallet "
                        + "and kind in ('P2P', 'ESCROW', 'PAYOUT') and created_at > :since "
                        + "and status not in ('FAILED', 'EXPIRED', 'COMPENSATED', 'INITIATED', 'VALIDATING')")
                .bind("wallet", wallet.value()).bind("since", clock.instant().minus(WINDOW).atOffset(ZoneOffset.UTC))
                .map(row -> row.get(0, BigDecimal.class)).one()
                .map(sent -> sent.add(amount.amount()).compareTo(limit.daily()) > 0
                        ? Optional.of(daily(limit, amount, sent)) : Optional.<Rejection>empty());
    }

    private static Rejection daily(PaymentsProperties.Limit limit, Money amount, BigDecimal sent) {
        BigDecimal left = limit.daily().subtract(sent).max(BigDecimal.ZERO).setScale(amount.currency().scale(),
                java.math.RoundingMode.DOWN);
        return Rejection.of(RejectionCode.LIMIT_EXCEEDED, "A wallet may send at most " + limit.daily().toPlainString()
                + " " + amount.currency() + " in 24 hours; " + left.toPlainString() + " " + amount.currency()
                + " is left, " + amount + " asked", "input", "amount");
    }
}
