-- The balance of each wallet the last time insights were computed for its owner: the "previous" of the next
-- computation. One row per (user, wallet), overwritten each time.
create table insight_snapshot (
    user_id     uuid        not null,
    wallet_id   text        not null,
    currency    text        not null,
    balance     numeric     not null,
    recorded_at timestamptz not null,
    primary key (user_id, wallet_id)
);
