package com.ventusvault.simulator.transfers;

import com.ventusvault.simulator.Provider;
import com.ventusvault.simulator.banking.BankDirectory;
import com.ventusvault.simulator.config.SimulatorProperties;
import com.ventusvault.simulator.flutterwave.FlutterwavePayloads;
import com.ventusvault.simulator.paystack.PaystackPayloads;
import com.ventusvault.simulator.webhooks.WebhookSender;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Both providers' books, in memory: transfers and charges keyed by (provider, reference), so a reference is unique per
 * provider as at the real ones. A queued transfer completes after {@code transfer-delay}: it fails when the account
 * does not exist or its number ends in {@code failing-account-digit}, else succeeds; a charge is paid after
 * {@code charge-delay}. Each completion sends the provider's webhook.
 */
@Component
public class SimulatedPayments {

    private final Map<String, SimTransfer> transfers = new ConcurrentHashMap<>();
    private final Map<String, SimCharge> charges = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(4_000_000);
    private final SimulatorProperties properties;
    private final BankDirectory banks;
    private final WebhookSender webhooks;
    private final Clock clock = Clock.systemUTC();

    public SimulatedPayments(SimulatorProperties properties, BankDirectory banks, WebhookSender webhooks) {
        this.properties = properties;
        this.banks = banks;
        this.webhooks = webhooks;
    }

    private static String key(Provider provider, String reference) {
        return provider + "|" + reference;
    }

    /** Queues a transfer under the reference, or returns the one already there. */
    public Creation<SimTransfer> queueTransfer(Provider provider, String reference, long amountKobo, String bankCode,
                                               String accountNumber, String accountName, String narration) {
        long id = ids.incrementAndGet();
        String code = "TRF_" + UUID.randomUUID().toString().replace("-", "").substring(0, 15);
        var now = clock.instant();
        SimTransfer fresh = new SimTransfer(provider, id, code, reference, amountKobo, bankCode, accountNumber,
                accountName, narration, SimTransfer.Status.PENDING, "", now, now);
        SimTransfer existing = transfers.putIfAbsent(key(provider, reference), fresh);
        if (existing != null) {
            return new Creation.Duplicate<>(existing);
        }
        Mono.delay(properties.transferDelay(), Schedulers.parallel())
                .then(Mono.defer(() -> complete(fresh)))
                .subscribe();
        return new Creation.Created<>(fresh);
    }

    private Mono<?> complete(SimTransfer queued) {
        boolean exists = banks.holder(queued.bankCode(), queued.accountNumber()).isPresent();
        boolean failing = queued.accountNumber().endsWith(properties.failingAccountDigit());
        SimTransfer done = !exists
                ? queued.finish(SimTransfer.Status.FAILED, "Could not resolve beneficiary account", clock.instant())
                : failing
                ? queued.finish(SimTransfer.Status.FAILED, "Beneficiary bank rejected the transfer", clock.instant())
                : queued.finish(SimTransfer.Status.SUCCESS, "", clock.instant());
        transfers.put(key(queued.provider(), queued.reference()), done);
        return announce(done);
    }

    /** Reverses a successful transfer (a bank returning the money), announcing it as the provider would. */
    public Optional<SimTransfer> reverse(Provider provider, String reference) {
        SimTransfer reversed = transfers.computeIfPresent(key(provider, reference), (k, t) ->
                t.status() == SimTransfer.Status.SUCCESS
                        ? t.finish(SimTransfer.Status.REVERSED, "Reversed by beneficiary bank", clock.instant()) : t);
        if (reversed == null || reversed.status() != SimTransfer.Status.REVERSED) {
            return Optional.empty();
        }
        announce(reversed).subscribe();
        return Optional.of(reversed);
    }

    private Mono<?> announce(SimTransfer t) {
        return switch (t.provider()) {
            case PAYSTACK -> webhooks.send(t.provider(), PaystackPayloads.transferEvent(t));
            // A reversal is announced as transfer.completed with data.status REVERSED (what the status query shows).
            case FLUTTERWAVE -> webhooks.send(t.provider(), FlutterwavePayloads.transferEvent(t));
            case TWILIO, SENDGRID -> throw new IllegalStateException(t.provider() + " holds no transfers");
        };
    }

    public Optional<SimTransfer> transfer(Provider provider, String reference) {
        return Optional.ofNullable(transfers.get(key(provider, reference)));
    }

    public Optional<SimTransfer> transferById(Provider provider, String idOrCode) {
        return transfers.values().stream().filter(t -> t.provider() == provider)
                .filter(t -> String.valueOf(t.id()).equals(idOrCode) || t.code().equals(idOrCode)).findFirst();
    }

    /** Opens a charge under the reference, or returns the one already there; it is paid after the charge delay. */
    public Creation<SimCharge> openCharge(Provider provider, String reference, long amountKobo, String email) {
        String accessCode = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        SimCharge fresh = new SimCharge(provider, ids.incrementAndGet(), accessCode, reference, amountKobo, email,
                false, clock.instant(), null);
        SimCharge existing = charges.putIfAbsent(key(provider, reference), fresh);
        if (existing != null) {
            return new Creation.Duplicate<>(existing);
        }
        Mono.delay(properties.chargeDelay(), Schedulers.parallel()).then(Mono.defer(() -> {
            SimCharge paid = fresh.pay(clock.instant());
            charges.put(key(provider, reference), paid);
            return switch (provider) {
                case PAYSTACK -> webhooks.send(provider, PaystackPayloads.chargeEvent(paid));
                case FLUTTERWAVE -> webhooks.send(provider, FlutterwavePayloads.chargeEvent(paid));
                case TWILIO, SENDGRID -> throw new IllegalStateException(provider + " holds no charges");
            };
        })).subscribe();
        return new Creation.Created<>(fresh);
    }

    public Optional<SimCharge> charge(Provider provider, String reference) {
        return Optional.ofNullable(charges.get(key(provider, reference)));
    }

    public Optional<SimCharge> chargeByAccessCode(String accessCode) {
        return charges.values().stream().filter(c -> c.accessCode().equals(accessCode)).findFirst();
    }

    /** Every transfer, both providers, in creation order. */
    public List<SimTransfer> transfers() {
        Collection<SimTransfer> all = transfers.values();
        return all.stream().sorted(java.util.Comparator.comparingLong(SimTransfer::id)).toList();
    }

    public List<SimCharge> charges() {
        return charges.values().stream().sorted(java.util.Comparator.comparingLong(SimCharge::id)).toList();
    }
}
