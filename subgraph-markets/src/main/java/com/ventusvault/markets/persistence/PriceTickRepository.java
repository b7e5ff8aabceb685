package com.ventusvault.markets.persistence;

import com.ventusvault.markets.domain.Asset;
import com.ventusvault.markets.domain.MarketSnapshot;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The feed's history in {@code price_tick}: one row per asset per tick, append-only until cleaned up by age. */
@Repository
public class PriceTickRepository {

    private final DatabaseClient database;

    public PriceTickRepository(DatabaseClient database) {
        this.database = database;
    }

    /** Appends every priced asset of one snapshot from {@code source} in a single statement. */
    public Mono<Void> append(MarketSnapshot snapshot, String source) {
        List<Asset> assets = List.copyOf(snapshot.usdPrices().keySet());
        StringBuilder sql = new StringBuilder("insert into price_tick (asset, usd_price, ticked_at, source) values ");
        for (int i = 0; i < assets.size(); i++) {
            int p = i * 2;
            sql.append(i == 0 ? "" : ", ").append("($").append(p + 1).append(", $").append(p + 2)
                    .append(", $").append(assets.size() * 2 + 1).append(", $").append(assets.size() * 2 + 2).append(")");
        }
        DatabaseClient.GenericExecuteSpec statement = database.sql(sql.toString());
        for (int i = 0; i < assets.size(); i++) {
            statement = statement.bind(i * 2, assets.get(i).name()).bind(i * 2 + 1, snapshot.usdPrice(assets.get(i)));
        }
        return statement.bind(assets.size() * 2, snapshot.asOf()).bind(assets.size() * 2 + 1, source).then();
    }

    /** The last persisted USD price of each asset {@code source} priced, as of the newest of them; empty if none. */
    public Mono<MarketSnapshot> latest(String source) {
        return database.sql("select distinct on (asset) asset, usd_price, ticked_at from price_tick where source = $1 "
                        + "order by asset, ticked_at desc, id desc")
                .bind(0, source)
                .map(row -> new Object[] {row.get("asset", String.class), row.get("usd_price", BigDecimal.class),
                        row.get("ticked_at", OffsetDateTime.class).toInstant()})
                .all()
                .collectList()
                .filter(rows -> !rows.isEmpty())
                .map(rows -> {
                    EnumMap<Asset, BigDecimal> prices = new EnumMap<>(Asset.class);
                    Instant newest = Instant.EPOCH;
                    for (Object[] row : rows) {
                        // A row of an asset the market no longer quotes is history, not a reason to fail startup.
                        Asset.of((String) row[0]).ifPresent(asset -> prices.put(asset, (BigDecimal) row[1]));
                        newest = ((Instant) row[2]).isAfter(newest) ? (Instant) row[2] : newest;
                    }
                    return new MarketSnapshot(newest, prices);
                });
    }

    /** Deletes ticks older than {@code cutoff}; returns how many rows went. */
    public Mono<Long> deleteOlderThan(Instant cutoff) {
        return database.sql("delete from price_tick where ticked_at < $1").bind(0, cutoff).fetch().rowsUpdated();
    }
}
