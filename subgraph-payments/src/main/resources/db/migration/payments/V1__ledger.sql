-- The payments ledger: accounts, transfers and the append-only double-entry journal.
-- Invariants enforced here, inside every database transaction (see subgraph-payments/README.md):
--   * a journal entry's currency is its account's and its transfer's currency (composite foreign keys)
--   * the entries of a transfer sum to zero (deferred constraint trigger, checked at commit)
--   * a completed transfer has entries (deferred constraint trigger)
--   * journal entries are never updated or deleted (trigger)
--   * cached balances move only with journal entries, in the same transaction (trigger)
--   * no account below zero unless it allows it (CHECK)
--   * one idempotency key per initiating user (UNIQUE)

create table ledger_account (
    id             uuid primary key,
    kind           text not null check (kind in ('USER_WALLET', 'FEE_REVENUE', 'DEMO_BANK', 'ESCROW_HOLDING',
                                                 'PROVIDER_CLEARING', 'FX_LIQUIDITY')),
    owner_id       uuid,
    currency       text not null check (currency in ('USD', 'EUR', 'GBP', 'NGN', 'BTC', 'ETH', 'USDT', 'USDC', 'SOL')),
    balance        numeric(38, 18) not null default 0,
    allow_negative boolean not null default false,
    version        bigint not null default 0,
    created_at     timestamptz not null default now(),
    constraint ledger_account_wallet_has_owner check ((kind = 'USER_WALLET') = (owner_id is not null)),
    constraint ledger_account_wallet_never_negative check (kind <> 'USER_WALLET' or not allow_negative),
    constraint ledger_account_balance_non_negative check (allow_negative or balance >= 0),
    constraint ledger_account_id_currency unique (id, currency)
);

-- One wallet per user and currency; one system account per kind and currency.
create unique index ledger_account_one_wallet on ledger_account (owner_id, currency) where kind = 'USER_WALLET';
create unique index ledger_account_one_system_account on ledger_account (kind, currency) where owner_id is null;

create table transfer (
    id                  uuid primary key,
    kind                text not null check (kind in ('P2P', 'DEPOSIT', 'PAYOUT', 'TRADE', 'ESCROW', 'FEE')),
    status              text not null check (status in ('INITIATED', 'VALIDATING', 'BALANCE_RESERVED', 'SENT_TO_PROVIDER',
                                                        'PROVIDER_PROCESSING', 'COMPLETED', 'FAILED', 'EXPIRED',
                                                        'COMPENSATING', 'COMPENSATED')),
    amount              numeric(38, 18) not null check (amount > 0),
    fee                 numeric(38, 18) not null check (fee >= 0),
    currency            text not null,
    from_account_id     uuid,
    to_account_id       uuid,
    note                text,
    initiator_id        uuid not null,
    idempotency_key     text not null check (length(idempotency_key) between 1 and 255),
    request_fingerprint text not null,
    created_at          timestamptz not null default now(),
    constraint transfer_one_key_per_initiator unique (initiator_id, idempotency_key),
    constraint transfer_id_currency unique (id, currency),
    constraint transfer_from_same_currency foreign key (from_account_id, currency) references ledger_account (id, currency),
    constraint transfer_to_same_currency foreign key (to_account_id, currency) references ledger_account (id, currency)
);

create index transfer_from_account on transfer (from_account_id, created_at);
create index transfer_to_account on transfer (to_account_id, created_at);

-- Signed amounts: negative = money leaves the account (debit), positive = money arrives (credit).
create table journal_entry (
    id          bigint generated always as identity primary key,
    transfer_id uuid not null,
    account_id  uuid not null,
    amount      numeric(38, 18) not null check (amount <> 0),
    currency    text not null,
    created_at  timestamptz not null default now(),
    constraint journal_entry_transfer_currency foreign key (transfer_id, currency) references transfer (id, currency),
    constraint journal_entry_account_currency foreign key (account_id, currency) references ledger_account (id, currency)
);

create index journal_entry_by_transfer on journal_entry (transfer_id);
create index journal_entry_by_account on journal_entry (account_id);

-- Append-only: corrections are new transfers.
create function journal_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'journal_entry is append-only: % refused', tg_op using errcode = 'P0001';
end $$;

create trigger journal_entry_no_update_or_delete before update or delete on journal_entry
    for each row execute function journal_entry_is_append_only();
create trigger journal_entry_no_truncate before truncate on journal_entry
    for each statement execute function journal_entry_is_append_only();

-- The cached balance moves with the journal, in the same transaction, so it cannot drift from it. The CHECK on
-- ledger_account refuses the row (and the whole transaction) if a non-negative account would go below zero.
create function journal_entry_moves_balance() returns trigger language plpgsql as $$
begin
    update ledger_account set balance = balance + new.amount, version = version + 1 where id = new.account_id;
    return new;
end $$;

create trigger journal_entry_moves_balance after insert on journal_entry
    for each row execute function journal_entry_moves_balance();

-- Double entry: at commit, every transfer that received entries in this transaction sums to zero.
create function journal_entry_transfer_is_balanced() returns trigger language plpgsql as $$
declare
    total numeric;
    lines integer;
begin
    select coalesce(sum(amount), 0), count(*) into total, lines from journal_entry where transfer_id = new.transfer_id;
    if total <> 0 or lines < 2 then
        raise exception 'transfer % is unbalanced: % entries summing to %', new.transfer_id, lines, total
            using errcode = '23514';
    end if;
    return null;
end $$;

create constraint trigger journal_entry_balanced after insert on journal_entry
    deferrable initially deferred for each row execute function journal_entry_transfer_is_balanced();

-- A transfer recorded as COMPLETED has balanced entries (checked at commit, after the entries are in).
create function transfer_completed_has_entries() returns trigger language plpgsql as $$
begin
    if new.status = 'COMPLETED' and not exists (select 1 from journal_entry where transfer_id = new.id) then
        raise exception 'transfer % is COMPLETED but has no journal entries', new.id using errcode = '23514';
    end if;
    return null;
end $$;

create constraint trigger transfer_completed_has_entries after insert or update on transfer
    deferrable initially deferred for each row execute function transfer_completed_has_entries();

-- System accounts, one per currency: fee revenue (never negative) and the demo bank that funds demo deposits
-- (allowed to go negative: its balance is minus everything deposited).
insert into ledger_account (id, kind, owner_id, currency, allow_negative)
select gen_random_uuid(), k.kind, null, c.code, k.kind = 'DEMO_BANK'
from (values ('FEE_REVENUE'), ('DEMO_BANK')) as k(kind)
cross join (values ('USD'), ('EUR'), ('GBP'), ('NGN'), ('BTC'), ('ETH'), ('USDT'), ('USDC'), ('SOL')) as c(code);
