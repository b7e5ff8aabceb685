-- Users of VentusVault. Emails are stored normalised (trimmed, lower-case) so one unique constraint decides
-- which of two concurrent registrations of the same address wins.
create table users (
    id            uuid        primary key,
    email         text        not null,
    password_hash text        not null,
    display_name  text        not null,
    phone         text,
    roles         text[]      not null default array['CUSTOMER'],
    kyc_status    text        not null default 'PENDING',
    created_at    timestamptz not null default now(),
    constraint users_email_key unique (email),
    constraint users_email_normalised check (email = lower(btrim(email))),
    constraint users_display_name_length check (char_length(display_name) between 1 and 80),
    constraint users_roles_known check (roles <@ array['CUSTOMER', 'SUPPORT', 'ADMIN']),
    constraint users_kyc_status_known check (kyc_status in ('PENDING', 'VERIFIED', 'REJECTED'))
);
