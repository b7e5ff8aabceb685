-- A payout the provider reversed after it COMPLETED (the beneficiary's bank sent the money back): the refund transfer
-- that credited the wallet with the payout amount, at most one per payout. Adds a table only.
create table payout_reversal (
    payout_id          uuid primary key references transfer (id),
    refund_transfer_id uuid not null unique references transfer (id),
    provider           text not null check (provider in ('PAYSTACK', 'FLUTTERWAVE')),
    -- The webhook event that reported the reversal (provider_webhook_event.event_id).
    event_id           text not null,
    reversed_at        timestamptz not null default now()
);
