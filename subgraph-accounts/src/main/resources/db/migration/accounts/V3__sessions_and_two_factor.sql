-- Sessions: a family is everything descended from one login (or registration). Each refresh token is accepted once
-- and replaced by the next in its family; presenting one that was already exchanged revokes the family. A family is
-- also dead when it started at or before users.sessions_revoked_at. Only SHA-256 hashes of refresh tokens are stored.
create table session_family (
    id             uuid        primary key,
    user_id        uuid        not null references users (id),
    started_at     timestamptz not null,
    revoked_at     timestamptz,
    revoked_reason text,
    constraint session_family_revoked_reason_known check (revoked_reason in ('LOGOUT', 'LOGOUT_EVERYWHERE',
        'REUSE_DETECTED', 'SESSIONS_REVOKED'))
);
create index session_family_open_by_user on session_family (user_id) where revoked_at is null;

create table refresh_token (
    id         uuid        primary key,
    family_id  uuid        not null references session_family (id),
    token_hash bytea       not null,
    issued_at  timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz,
    constraint refresh_token_hash_key unique (token_hash)
);
create index refresh_token_by_family on refresh_token (family_id);

-- Login throttling: the attempts of the last minute per account (normalised email, known or not) and client IP.
create table login_attempt (
    account   text        not null,
    client_ip text        not null,
    at        timestamptz not null
);
create index login_attempt_by_key on login_attempt (account, client_ip, at);

-- Lockout: failures in a row per account (the normalised email, known or not, so an unknown email locks exactly like
-- a real one and the answers do not tell them apart), reset by a successful login; 10 lock it for 15 minutes.
create table login_lockout (
    account      text        primary key,
    failures     int         not null default 0,
    locked_until timestamptz
);

-- Devices (user agent + client IP, hashed together) a user has signed in from: a login from another one notifies.
create table known_device (
    user_id     uuid        not null references users (id),
    device_hash bytea       not null,
    first_seen  timestamptz not null,
    last_seen   timestamptz not null,
    primary key (user_id, device_hash)
);

-- TOTP two-factor auth (RFC 6238). pending_secret is the one offered by beginTwoFactorSetup until confirmTwoFactor;
-- secret is set once enabled. last_used_step makes each code work once: a code is accepted only for a later step.
create table two_factor (
    user_id        uuid        primary key references users (id),
    pending_secret bytea,
    secret         bytea,
    enabled_at     timestamptz,
    last_used_step bigint,
    constraint two_factor_enabled_has_secret check ((enabled_at is null) = (secret is null))
);

-- Recovery codes (SHA-256 hashes of 80-bit random codes), each usable once.
create table recovery_code (
    user_id   uuid        not null references users (id),
    code_hash bytea       not null,
    used_at   timestamptz,
    primary key (user_id, code_hash)
);

-- One-time login codes sent by SMS (sendLoginCode): at most one live per user, single use, 5 minutes.
create table login_code (
    user_id    uuid        primary key references users (id),
    code_hash  bytea       not null,
    expires_at timestamptz not null
);
