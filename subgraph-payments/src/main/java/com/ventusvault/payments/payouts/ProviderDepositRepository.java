package com.ventusvault.payments.payouts;

import com.ventusvault.payments.domain.TransferId;
import com.ventusvault.payments.providers.ProviderName;
import io.r2dbc.spi.Readable;
import java.util.Collection;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code provider_deposit} rows (V4): which provider charge funds which DEPOSIT transfer. */
@Repository
public class ProviderDepositRepository {

    private static final String COLUMNS = "transfer_id, provider, checkout_url, provider_reference";

    private final DatabaseClient database;

    public ProviderDepositRepository(DatabaseClient database) {
        this.database = database;
    }

    Mono<Void> insert(ProviderDeposit deposit) {
        DatabaseClient.GenericExecuteSpec spec = database.sql("insert into provider_deposit (transfer_id, provider, "
                        + "checkout_url, provider_reference) values (:id, :provider, :url, :reference)")
                .bind("id", deposit.transfer().value()).bind("provider", deposit.provider().name())
                .bind("reference", deposit.providerReference());
        spec = deposit.checkoutUrl() == null ? spec.bindNull("url", String.class) : spec.bind("url", deposit.checkoutUrl());
        return spec.then();
    }

    public Mono<ProviderDeposit> find(TransferId transfer) {
        return database.sql("select " + COLUMNS + " from provider_deposit where transfer_id = :id")
                .bind("id", transfer.value()).map(ProviderDepositRepository::toDeposit).one();
    }

    /** The deposit a provider knows by its own reference (for webhooks that do not echo ours). */
    public Mono<ProviderDeposit> findByProviderReference(ProviderName provider, String reference) {
        return database.sql("select " + COLUMNS + " from provider_deposit where provider = :provider "
                        + "and provider_reference = :reference")
                .bind("provider", provider.name()).bind("reference", reference)
                .map(ProviderDepositRepository::toDeposit).one();
    }

    public Flux<ProviderDeposit> findAll(Collection<TransferId> transfers) {
        UUID[] ids = transfers.stream().map(TransferId::value).distinct().toArray(UUID[]::new);
        return database.sql("select " + COLUMNS + " from provider_deposit where transfer_id = any(:ids)")
                .bind("ids", ids).map(ProviderDepositRepository::toDeposit).all();
    }

    private static ProviderDeposit toDeposit(Readable row) {
        return new ProviderDeposit(new TransferId(row.get("transfer_id", UUID.class)),
                ProviderName.valueOf(row.get("provider", String.class)), row.get("checkout_url", String.class),
                row.get("provider_reference", String.class));
    }
}
