-- Per-user notification preferences: one row per (user, kind, channel) the user has set; no row = enabled. Only the
-- optional kinds may be stored at all, so a security notice (2FA codes, verification, reset, new device, alerts) can
-- never be switched off, whatever the application does.
create table notification_preference (
    user_id    uuid        not null references users (id),
    kind       text        not null,
    channel    text        not null,
    enabled    boolean     not null,
    updated_at timestamptz not null default now(),
    primary key (user_id, kind, channel),
    constraint notification_preference_optional_kind check (kind in ('MONEY_RECEIVED', 'PAYOUT_COMPLETED')),
    constraint notification_preference_channel_known check (channel in ('EMAIL', 'SMS'))
);

-- The delivery worker claims due rows oldest first.
drop index notification_due;
create index notification_due on notification (next_attempt_at, id) where status = 'PENDING';
