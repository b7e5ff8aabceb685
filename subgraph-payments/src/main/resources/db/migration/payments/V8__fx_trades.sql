-- Trades (issue 6): markets instructs payments to convert between one user's wallets at a quoted rate. Each trade is
-- posted once (trade_id; one trade per quote), as two TRADE transfers written in the same transaction as its row here;
-- a refused trade (expired quote, insufficient funds, no wallet) is recorded too, so a repeated instruction gets the
-- same answer. `answer` is the exact JSON answered the first time, returned again byte for byte.
create table fx_trade (
    trade_id         uuid primary key,
    quote_id         uuid not null unique,
    user_id          uuid not null,
    fingerprint      text not null,
    status           text not null check (status in ('COMPLETED', 'FAILED')),
    sell_transfer_id uuid references transfer (id),
    buy_transfer_id  uuid references transfer (id),
    failure_code     text,
    answer           text not null,
    created_at       timestamptz not null default now(),
    constraint fx_trade_completed_has_legs check ((status = 'COMPLETED')
        = (sell_transfer_id is not null and buy_transfer_id is not null)),
    constraint fx_trade_failed_has_code check ((status = 'FAILED') = (failure_code is not null))
);

create index fx_trade_by_user on fx_trade (user_id, created_at);
