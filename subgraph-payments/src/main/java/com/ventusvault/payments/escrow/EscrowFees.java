package com.ventusvault.payments.escrow;

import com.ventusvault.payments.config.PaymentsProperties;
import com.ventusvault.payments.domain.FeeSchedule;
import com.ventusvault.payments.domain.Money;
import com.ventusvault.payments.domain.TransferKind;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The fee an escrow charges, from the one fee schedule ({@code FeeSchedule} for {@link TransferKind#ESCROW}), so
 * {@code feeQuote(kind: ESCROW)} and {@code createEscrow} agree. Uses the application's {@code FeeSchedule} bean when
 * there is one, else
 * one built from {@code ventus.payments.fees.*} ({@code escrow-rate}, default 0.005, rounded UP).
 */
@Component
public class EscrowFees {

    private final FeeSchedule schedule;

    public EscrowFees(ObjectProvider<FeeSchedule> schedule, PaymentsProperties properties) {
        this.schedule = schedule.getIfAvailable(() -> new FeeSchedule(properties.fees().p2pRate(),
                properties.fees().escrowRate(), properties.fees().payoutRate()));
    }

    /** The fee on escrowing {@code amount}, charged to the payer on top of it at creation. */
    public Money feeFor(Money amount) {
        return schedule.feeFor(TransferKind.ESCROW, amount);
    }
}
