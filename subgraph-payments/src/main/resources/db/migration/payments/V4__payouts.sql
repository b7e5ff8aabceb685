-- Payouts to bank accounts and provider deposits (on-ramp): what the transfer row does not say about where money goes
-- or comes from, and the provider webhook events already handled. Adds tables only: V1-V3 objects are not altered.

-- One row per PAYOUT transfer. The full account number is stored (the provider needs it to send, and a retry after a
-- restart must send to the same account); the API exposes its last four digits only.
create table payout_detail (
    transfer_id          uuid primary key references transfer (id),
    -- Who the client asked for (null: the router chooses), and who resolved / took the payout.
    preferred_provider   text check (preferred_provider in ('PAYSTACK', 'FLUTTERWAVE')),
    provider             text check (provider in ('PAYSTACK', 'FLUTTERWAVE')),
    bank_code            text not null check (bank_code ~ '^[0-9]{3,6}$'),
    account_number       text not null check (account_number ~ '^[0-9]{10}$'),
    account_name         text,
    narration            text check (length(narration) <= 100),
    -- The fee split the hold covers (amount + platform_fee + provider_fee), settled at completion.
    platform_fee         numeric(38, 18) not null default 0 check (platform_fee >= 0),
    provider_fee         numeric(38, 18) not null default 0 check (provider_fee >= 0),
    -- The balance reservation (a V2 hold) placed for amount + fees; null until BALANCE_RESERVED.
    hold_id              uuid,
    -- The provider's own id for the transfer, once it accepted it (ours is the transfer id).
    provider_transfer_id text,
    -- When the worker last asked the provider (sent or polled), for the status sweep.
    last_checked_at      timestamptz,
    created_at           timestamptz not null default now()
);

create index payout_detail_by_hold on payout_detail (hold_id);

-- One row per DEPOSIT transfer made through a provider (a charge the payer completes on the provider's checkout).
create table provider_deposit (
    transfer_id        uuid primary key references transfer (id),
    provider           text not null check (provider in ('PAYSTACK', 'FLUTTERWAVE')),
    checkout_url       text,
    provider_reference text not null,
    created_at         timestamptz not null default now(),
    constraint provider_deposit_one_reference unique (provider, provider_reference)
);

-- Every verified provider webhook event, claimed before its effect in the same transaction: a replay (same provider
-- and event id) finds the row and changes nothing.
create table provider_webhook_event (
    provider    text not null check (provider in ('PAYSTACK', 'FLUTTERWAVE')),
    event_id    text not null check (length(event_id) between 1 and 255),
    event_type  text not null,
    reference   text,
    received_at timestamptz not null default now(),
    -- What handling the event did, e.g. COMPLETED, COMPENSATED, UNKNOWN_REFERENCE, ALREADY_SETTLED.
    outcome     text not null,
    constraint provider_webhook_event_once primary key (provider, event_id)
);
