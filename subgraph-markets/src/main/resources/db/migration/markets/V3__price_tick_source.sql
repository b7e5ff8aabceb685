-- Ticks name their source (simulated, or an exchange such as kraken), so a restarted feed resumes from its own
-- source's last prices and never from another's.
alter table price_tick add column source text not null default 'simulated';
drop index price_tick_latest;
create index price_tick_latest on price_tick (source, asset, ticked_at desc);
