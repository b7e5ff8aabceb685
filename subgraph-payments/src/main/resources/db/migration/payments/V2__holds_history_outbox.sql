-- Issue 4, ledger core: system accounts per provider and shard, two-phase holds, transfer status history, fee
-- breakdown and failures, refused requests under their idempotency key, and the transactional outbox.
-- Invariants added here (see subgraph-payments/README.md):
--   * held = sum of the account's PENDING holds (only triggers on hold write it)
--   * a non-negative account never has balance - held < 0 (CHECK)
--   * a hold is resolved at most once, and a resolved hold never changes again (trigger)
--   * transfer.fee = platform_fee + provider_fee + network_fee (CHECK)
--   * status history and outbox are append-only; every balance/held change of a wallet and every status history row
--     writes an outbox event in the same transaction (triggers), announced at commit by pg_notify('ventus_outbox', id)

-- ---------------------------------------------------------------- ledger_account: provider, shard, held
alter table ledger_account
    add column provider text check (provider in ('PAYSTACK', 'FLUTTERWAVE')),
    add column shard smallint not null default 0 check (shard between 0 and 255),
    add column held numeric(38, 18) not null default 0 check (held >= 0),
    add constraint ledger_account_provider_only_for_clearing check ((provider is not null) = (kind = 'PROVIDER_CLEARING')),
    add constraint ledger_account_shard_only_for_system check (owner_id is null or shard = 0),
    add constraint ledger_account_available_non_negative check (allow_negative or balance - held >= 0);

drop index ledger_account_one_system_account;
create unique index ledger_account_one_system_account
    on ledger_account (kind, currency, coalesce(provider, ''), shard) where owner_id is null;

-- FX liquidity per currency; provider clearing per provider and currency (both may go negative).
insert into ledger_account (id, kind, owner_id, currency, allow_negative, provider)
select gen_random_uuid(), 'FX_LIQUIDITY', null::uuid, c.code, true, null::text
from (values ('USD'), ('EUR'), ('GBP'), ('NGN'), ('BTC'), ('ETH'), ('USDT'), ('USDC'), ('SOL')) as c(code)
union all
select gen_random_uuid(), 'PROVIDER_CLEARING', null::uuid, c.code, true, p.name
from (values ('PAYSTACK'), ('FLUTTERWAVE')) as p(name)
cross join (values ('USD'), ('EUR'), ('GBP'), ('NGN'), ('BTC'), ('ETH'), ('USDT'), ('USDC'), ('SOL')) as c(code);

-- Fee revenue in 8 shards per currency (shard 0 is V1's row), so concurrent P2P payments do not queue on one row.
insert into ledger_account (id, kind, owner_id, currency, allow_negative, shard)
select gen_random_uuid(), 'FEE_REVENUE', null, c.code, false, s.n
from (values ('USD'), ('EUR'), ('GBP'), ('NGN'), ('BTC'), ('ETH'), ('USDT'), ('USDC'), ('SOL')) as c(code)
cross join generate_series(1, 7) as s(n);

-- ---------------------------------------------------------------- transfer: fee breakdown, failure
alter table transfer
    add column platform_fee numeric(38, 18) not null default 0 check (platform_fee >= 0),
    add column provider_fee numeric(38, 18) not null default 0 check (provider_fee >= 0),
    add column network_fee numeric(38, 18) not null default 0 check (network_fee >= 0),
    add column failure_code text,
    add column failure_message text;
update transfer set platform_fee = fee;
alter table transfer
    add constraint transfer_fee_is_sum_of_parts check (fee = platform_fee + provider_fee + network_fee),
    add constraint transfer_failure_has_message check ((failure_code is null) = (failure_message is null));

-- ---------------------------------------------------------------- transfer status history
create table transfer_status_change (
    id          bigint generated always as identity primary key,
    transfer_id uuid not null references transfer (id),
    status      text not null check (status in ('INITIATED', 'VALIDATING', 'BALANCE_RESERVED', 'SENT_TO_PROVIDER',
                                                'PROVIDER_PROCESSING', 'COMPLETED', 'FAILED', 'EXPIRED',
                                                'COMPENSATING', 'COMPENSATED')),
    reason      text,
    at          timestamptz not null default now()
);
create index transfer_status_change_by_transfer on transfer_status_change (transfer_id, id);

insert into transfer_status_change (transfer_id, status, reason, at)
select id, status, null, created_at from transfer order by created_at, id;

create function append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'P0001';
end $$;

create trigger transfer_status_change_append_only before update or delete on transfer_status_change
    for each row execute function append_only();

-- ---------------------------------------------------------------- holds
create table hold (
    id            uuid primary key,
    transfer_id   uuid not null,
    account_id    uuid not null,
    amount        numeric(38, 18) not null check (amount > 0),
    currency      text not null,
    status        text not null default 'PENDING' check (status in ('PENDING', 'POSTED', 'VOIDED', 'EXPIRED')),
    posted_amount numeric(38, 18),
    reason        text,
    expires_at    timestamptz not null,
    created_at    timestamptz not null default now(),
    resolved_at   timestamptz,
    constraint hold_one_per_transfer unique (transfer_id),
    constraint hold_transfer_currency foreign key (transfer_id, currency) references transfer (id, currency),
    constraint hold_account_currency foreign key (account_id, currency) references ledger_account (id, currency),
    constraint hold_resolved_when_not_pending check ((status = 'PENDING') = (resolved_at is null)),
    constraint hold_posted_amount check ((status = 'POSTED') = (posted_amount is not null)
        and (posted_amount is null or (posted_amount > 0 and posted_amount <= amount)))
);
create index hold_pending_by_expiry on hold (expires_at) where status = 'PENDING';
create index hold_by_account on hold (account_id) where status = 'PENDING';

-- A hold is born PENDING and resolved at most once; after that it never changes. Holds are never deleted.
create function hold_resolves_once() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        if new.status <> 'PENDING' then
            raise exception 'a hold is created PENDING, got %', new.status using errcode = '23514';
        end if;
        return new;
    end if;
    if tg_op = 'DELETE' then
        raise exception 'holds are never deleted (hold %)', old.id using errcode = 'P0001';
    end if;
    if old.status <> 'PENDING' then
        raise exception 'hold % is already % and cannot become %', old.id, old.status, new.status using errcode = '23514';
    end if;
    if new.id <> old.id or new.transfer_id <> old.transfer_id or new.account_id <> old.account_id
            or new.amount <> old.amount or new.currency <> old.currency or new.expires_at <> old.expires_at
            or new.created_at <> old.created_at then
        raise exception 'only the resolution of hold % may change', old.id using errcode = '23514';
    end if;
    return new;
end $$;

create trigger hold_resolves_once before insert or update or delete on hold
    for each row execute function hold_resolves_once();

-- ledger_account.held = sum of PENDING holds, moved in the same transaction as the hold.
create function hold_moves_held() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        update ledger_account set held = held + new.amount, version = version + 1 where id = new.account_id;
    elsif old.status = 'PENDING' and new.status <> 'PENDING' then
        update ledger_account set held = held - old.amount, version = version + 1 where id = old.account_id;
    end if;
    return null;
end $$;

create trigger hold_moves_held after insert or update on hold
    for each row execute function hold_moves_held();

-- ---------------------------------------------------------------- refused requests
-- A refused money movement still consumes its idempotency key: a retry with the same request gets the same refusal,
-- one with another request IDEMPOTENCY_KEY_REUSED. A key is in transfer or here, never both (the poster serialises
-- requests per key with a transaction-scoped advisory lock and checks both).
create table refused_request (
    initiator_id        uuid not null,
    idempotency_key     text not null check (length(idempotency_key) between 1 and 255),
    request_fingerprint text not null,
    kind                text not null check (kind in ('P2P', 'DEPOSIT', 'PAYOUT', 'TRADE', 'ESCROW', 'FEE')),
    code                text not null,
    message             text not null,
    field               text[] not null,
    created_at          timestamptz not null default now(),
    primary key (initiator_id, idempotency_key)
);

-- ---------------------------------------------------------------- outbox
create table outbox_event (
    id             bigserial primary key,
    aggregate_type text not null,
    aggregate_id   text not null,
    event_type     text not null,
    payload        jsonb not null,
    created_at     timestamptz not null default now(),
    published_at   timestamptz
);
create index outbox_event_unpublished on outbox_event (id) where published_at is null;

-- Only published_at may change (once); events are never deleted except by a retention job (not here).
create function outbox_event_publish_only() returns trigger language plpgsql as $$
begin
    if new.id <> old.id or new.aggregate_type <> old.aggregate_type or new.aggregate_id <> old.aggregate_id
            or new.event_type <> old.event_type or new.payload <> old.payload or new.created_at <> old.created_at
            or old.published_at is not null then
        raise exception 'outbox_event % may only be marked published, once', old.id using errcode = 'P0001';
    end if;
    return new;
end $$;

create trigger outbox_event_publish_only before update on outbox_event
    for each row execute function outbox_event_publish_only();

create function outbox_event_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('ventus_outbox', new.id::text);
    return null;
end $$;

create trigger outbox_event_notify after insert on outbox_event
    for each row execute function outbox_event_notify();

create function wallet_balance_changed() returns trigger language plpgsql as $$
begin
    insert into outbox_event (aggregate_type, aggregate_id, event_type, payload)
    values ('Wallet', new.id::text, 'WalletBalanceChanged', jsonb_build_object(
        'walletId', new.id, 'ownerId', new.owner_id, 'currency', new.currency,
        'balance', new.balance::text, 'held', new.held::text, 'available', (new.balance - new.held)::text,
        'previousBalance', old.balance::text, 'previousHeld', old.held::text, 'version', new.version));
    return null;
end $$;

create trigger wallet_balance_changed after update of balance, held on ledger_account
    for each row when (new.kind = 'USER_WALLET' and (old.balance <> new.balance or old.held <> new.held))
    execute function wallet_balance_changed();

create function transfer_status_changed() returns trigger language plpgsql as $$
declare
    t transfer%rowtype;
begin
    select * into t from transfer where id = new.transfer_id;
    insert into outbox_event (aggregate_type, aggregate_id, event_type, payload)
    values ('Transfer', new.transfer_id::text, 'TransferStatusChanged', jsonb_build_object(
        'transferId', new.transfer_id, 'kind', t.kind, 'status', new.status, 'reason', new.reason, 'at', new.at,
        'amount', t.amount::text, 'fee', t.fee::text, 'currency', t.currency,
        'fromWalletId', t.from_account_id, 'toWalletId', t.to_account_id, 'initiatorId', t.initiator_id,
        'failureCode', t.failure_code));
    return null;
end $$;

create trigger transfer_status_changed after insert on transfer_status_change
    for each row execute function transfer_status_changed();
