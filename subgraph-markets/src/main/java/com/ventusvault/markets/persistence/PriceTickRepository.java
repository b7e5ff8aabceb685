package com.ventusvault.markets.persistence;

import com.ventusvault.markets.domain.Asset;
import com.ventusvault.markets.domain.MarketSnapshot;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
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

    /** Appends every asset's price of one snapshot in a single statement. */
    public Mono<Void> append(MarketSnapshot snapshot) {
        StringBuilder sql = new StringBuilder("insert into price_tick (asset, usd_price, ticked_at) values ");
        Asset[] assets = Asset.values();
        for (int i = 0; i < assets.length; i++) {
            int p = i * 2;
            sql.append(i == 0 ? "" : ", ").append("($").append(p + 1).append(", $").append(p + 2)
                    .append(", $").append(assets.length * 2 + 1).append(")");
        }
        DatabaseClient.GenericExecuteSpec statement = database.sql(sql.toString());
        for (int i = 0; i < assets.length; i++) {
            statement = statement.bind(i * 2, assets[i].name()).bind(i * 2 + 1, snapshot.usdPrice(assets[i]));
        }
        return statement.bind(assets.length * 2, snapshot.asOf()).then();
    }

    /** The last persisted USD price of each asset that has one; empty on a fresh database. */
    public Mono<Map<Asset, BigDecimal>> latestPrices() {
        return database.sql("select distinct on (asset) asset, usd_price from price_tick order by asset, ticked_at desc, id desc")
                .map(row -> Map.entry(row.get("asset", String.class), row.get("usd_price", BigDecimal.class)))
                .all()
                .collect(() -> new EnumMap<Asset, BigDecimal>(Asset.class), (prices, row) ->
                        // A row of an asset the market no longer quotes is history, not a reason to fail startup.
                        Asset.of(row.getKey()).ifPresent(asset -> prices.put(asset, row.getValue())))
                .map(Map::copyOf);
    }

    /** Deletes ticks older than {@code cutoff}; returns how many rows went. */
    public Mono<Long> deleteOlderThan(Instant cutoff) {
        return database.sql("delete from price_tick where ticked_at < $1").bind(0, cutoff).fetch().rowsUpdated();
    }
}
