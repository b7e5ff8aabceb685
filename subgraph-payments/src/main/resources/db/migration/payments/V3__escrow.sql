-- Escrow: money moved from a payer's wallet into ESCROW_HOLDING until the payer releases it to the payee, or it is
-- cancelled (payer or payee) or expires (server clock) and goes back to the payer. Invariants enforced here:
--   * an escrow is resolved at most once: HELD is the only state that may change, and only to a terminal state
--     (trigger), together with its resolution transfer and time (CHECK)
--   * wallets and transfers are in the escrow's currency (composite foreign keys)
--   * one escrow per (initiator, idempotency key) (UNIQUE); one escrow per funding / resolution transfer (UNIQUE)
-- The money itself moves only through journal entries (V1); ESCROW_HOLDING's balance is the sum of amount + fee of
-- the HELD escrows in its currency.

create table escrow (
    id                     uuid primary key,
    payer_wallet_id        uuid not null,
    payee_wallet_id        uuid not null,
    amount                 numeric(38, 18) not null check (amount > 0),
    fee                    numeric(38, 18) not null check (fee >= 0),
    currency               text not null,
    status                 text not null check (status in ('HELD', 'RELEASED', 'CANCELLED', 'EXPIRED')),
    description            text,
    expires_at             timestamptz not null,
    created_at             timestamptz not null,
    resolved_at            timestamptz,
    funding_transfer_id    uuid not null,
    resolution_transfer_id uuid,
    initiator_id           uuid not null,
    idempotency_key        text not null check (length(idempotency_key) between 1 and 255),
    request_fingerprint    text not null,
    constraint escrow_one_key_per_initiator unique (initiator_id, idempotency_key),
    constraint escrow_one_per_funding unique (funding_transfer_id),
    constraint escrow_one_per_resolution unique (resolution_transfer_id),
    constraint escrow_two_wallets check (payer_wallet_id <> payee_wallet_id),
    constraint escrow_expires_after_creation check (expires_at > created_at),
    constraint escrow_resolved_iff_not_held check ((status = 'HELD') = (resolved_at is null)
                                                   and (status = 'HELD') = (resolution_transfer_id is null)),
    constraint escrow_payer_same_currency foreign key (payer_wallet_id, currency) references ledger_account (id, currency),
    constraint escrow_payee_same_currency foreign key (payee_wallet_id, currency) references ledger_account (id, currency),
    constraint escrow_funding_same_currency foreign key (funding_transfer_id, currency) references transfer (id, currency),
    constraint escrow_resolution_same_currency foreign key (resolution_transfer_id, currency) references transfer (id, currency)
);

create index escrow_due on escrow (expires_at) where status = 'HELD';
create index escrow_by_payer on escrow (payer_wallet_id);
create index escrow_by_payee on escrow (payee_wallet_id);

-- Resolved is final, and nothing but the resolution columns ever changes.
create function escrow_resolves_once() returns trigger language plpgsql as $$
begin
    if old.status <> 'HELD' then
        raise exception 'escrow % is already %: it is resolved at most once', old.id, old.status using errcode = '23514';
    end if;
    if (new.id, new.payer_wallet_id, new.payee_wallet_id, new.amount, new.fee, new.currency, new.description,
        new.expires_at, new.created_at, new.funding_transfer_id, new.initiator_id, new.idempotency_key,
        new.request_fingerprint)
       is distinct from
       (old.id, old.payer_wallet_id, old.payee_wallet_id, old.amount, old.fee, old.currency, old.description,
        old.expires_at, old.created_at, old.funding_transfer_id, old.initiator_id, old.idempotency_key,
        old.request_fingerprint) then
        raise exception 'escrow %: only status, resolved_at and resolution_transfer_id may change', old.id
            using errcode = '23514';
    end if;
    return new;
end $$;

create trigger escrow_resolves_once before update on escrow for each row execute function escrow_resolves_once();

create function escrow_is_kept() returns trigger language plpgsql as $$
begin
    raise exception 'escrow rows are never deleted' using errcode = 'P0001';
end $$;

create trigger escrow_no_delete before delete on escrow for each row execute function escrow_is_kept();

-- One ESCROW_HOLDING account per currency (never negative). V2 may already have seeded some: insert only what is missing.
insert into ledger_account (id, kind, owner_id, currency, allow_negative)
select gen_random_uuid(), 'ESCROW_HOLDING', null, c.code, false
from (values ('USD'), ('EUR'), ('GBP'), ('NGN'), ('BTC'), ('ETH'), ('USDT'), ('USDC'), ('SOL')) as c(code)
where not exists (select 1 from ledger_account a
                  where a.kind = 'ESCROW_HOLDING' and a.currency = c.code and a.owner_id is null);
