-- Quotes lock a price for a user for a limited time; a trade executes one quote through payments' ledger, once.
-- A trade row is written (INITIATED) before payments is asked, and gets payments' answer afterwards: a trade whose
-- answer never arrived is resumed with the same idempotency key (payments answers the same trade id the same way).
create table quote (
    id            uuid primary key,
    user_id       uuid        not null,
    sell_currency text        not null,
    buy_currency  text        not null check (buy_currency <> sell_currency),
    rate          numeric     not null check (rate > 0),
    sell_amount   numeric     not null check (sell_amount > 0),
    buy_amount    numeric     not null check (buy_amount > 0),
    fee_amount    numeric     not null check (fee_amount >= 0),
    expires_at    timestamptz not null,
    created_at    timestamptz not null
);

create table trade (
    id               uuid primary key,
    quote_id         uuid        not null unique references quote (id),
    user_id          uuid        not null,
    idempotency_key  text        not null check (length(idempotency_key) between 1 and 255),
    status           text        not null check (status in ('INITIATED', 'COMPLETED', 'FAILED')),
    sell_transfer_id uuid,
    buy_transfer_id  uuid,
    failure_code     text,
    failure_message  text,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    constraint trade_one_per_key unique (user_id, idempotency_key),
    constraint trade_completed_has_legs check ((status = 'COMPLETED') = (sell_transfer_id is not null and buy_transfer_id is not null)),
    constraint trade_failed_has_code check ((status = 'FAILED') = (failure_code is not null))
);

create index trade_history on trade (user_id, created_at desc, id desc);
