-- The notification queue, which is also the local sink staff read: a row per SMS or email, written in the
-- transaction of the action that caused it (so a rolled-back action notifies nobody), delivered after commit by a
-- worker that retries failures with backoff.
create table notification (
    id                  uuid        primary key,
    user_id             uuid        not null references users (id),
    kind                text        not null,
    channel             text        not null,
    recipient           text        not null,
    subject             text,
    body                text        not null,
    status              text        not null default 'PENDING',
    attempts            int         not null default 0,
    next_attempt_at     timestamptz not null default now(),
    provider_message_id text,
    last_error          text,
    created_at          timestamptz not null default now(),
    sent_at             timestamptz,
    constraint notification_kind_known check (kind in ('MONEY_RECEIVED', 'PAYOUT_COMPLETED', 'NEW_DEVICE_LOGIN',
        'TWO_FACTOR_CODE', 'EMAIL_VERIFICATION', 'PASSWORD_RESET', 'SECURITY_ALERT')),
    constraint notification_channel_known check (channel in ('EMAIL', 'SMS')),
    constraint notification_status_known check (status in ('PENDING', 'SENT', 'FAILED'))
);
create index notification_due on notification (next_attempt_at) where status = 'PENDING';
create index notification_by_user on notification (user_id, created_at desc, id desc);
create index notification_newest on notification (created_at desc, id desc);

-- The audit log: append-only. Security-relevant actions are recorded here by accounts in the transaction that does
-- them; money-moving actions are copied from payments' outbox (source = 'payments', source_event_id unique, so each
-- is copied exactly once).
create table audit_log (
    id              bigserial   primary key,
    at              timestamptz not null default now(),
    actor_id        uuid,
    action          text        not null,
    target          text,
    request_id      text,
    ip              text,
    source          text        not null default 'accounts',
    source_event_id bigint,
    details         jsonb,
    constraint audit_log_source_event_once unique (source, source_event_id)
);
create index audit_log_by_actor on audit_log (actor_id, id desc);
create index audit_log_by_action on audit_log (action text_pattern_ops, id desc);
create index audit_log_by_target on audit_log (target, id desc);

-- Ending every session of a user at once (password change or reset, logout everywhere, lockout by staff): refresh
-- token families started at or before this instant are dead.
alter table users add column sessions_revoked_at timestamptz;
