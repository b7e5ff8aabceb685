-- Every tick of the simulated feed appends one row per asset: its price in USD at that moment.
-- The latest row per asset is where a restarted feed resumes; rows older than ventus.markets.history-retention
-- are deleted by a periodic cleanup.
create table price_tick (
    id        bigint generated always as identity primary key,
    asset     text        not null,
    usd_price numeric     not null check (usd_price > 0),
    ticked_at timestamptz not null
);

create index price_tick_latest on price_tick (asset, ticked_at desc);
create index price_tick_age on price_tick (ticked_at);
