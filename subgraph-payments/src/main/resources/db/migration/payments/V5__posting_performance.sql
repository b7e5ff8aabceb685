-- Cheaper postings, same guarantees (issue 4, point 10: P2P throughput).
--
-- 1. The rolling 24 h outgoing limit (OutgoingLimits) sums the amounts a wallet sent: a partial index holding exactly
--    the rows it counts, with the amount in the index, lets it read the index only (no heap visit for all-visible
--    pages, none at all for the rows it skips: other kinds, failed/expired/compensated transfers).
create index transfer_outgoing_by_wallet on transfer (from_account_id, created_at) include (amount)
    where kind in ('P2P', 'ESCROW', 'PAYOUT') and status not in ('FAILED', 'EXPIRED', 'COMPENSATED');

-- 2. Double entry is still checked at commit for every transfer that received entries, but once per transfer instead
--    of once per entry: the (deferred, per row) trigger remembers, for the rest of the transaction, the last transfer
--    it checked and the highest entry id that check summed. An entry of that transfer with an id up to it was part of
--    the sum, so its own check is skipped; an entry added later gets a higher id (identity, cache 1) and is checked
--    again (e.g. after SET CONSTRAINTS ... IMMEDIATE). Entries of one insert are queued together, so a transfer's
--    entries follow each other.
create or replace function journal_entry_transfer_is_balanced() returns trigger language plpgsql as $$
declare
    total   numeric;
    lines   integer;
    last_id bigint;
    checked text := current_setting('ventus.balanced_checked', true);
begin
    if checked is not null and checked <> '' and split_part(checked, '/', 1) = new.transfer_id::text
            and new.id <= split_part(checked, '/', 2)::bigint then
        return null;
    end if;
    select coalesce(sum(amount), 0), count(*), max(id) into total, lines, last_id
        from journal_entry where transfer_id = new.transfer_id;
    if total <> 0 or lines < 2 then
        raise exception 'transfer % is unbalanced: % entries summing to %', new.transfer_id, lines, total
            using errcode = '23514';
    end if;
    perform set_config('ventus.balanced_checked', new.transfer_id::text || '/' || last_id::text, true);
    return null;
end $$;
