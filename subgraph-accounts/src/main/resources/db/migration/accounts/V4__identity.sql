-- Identity: a confirmed email, a postal address, and the single-use tokens mailed for email verification and
-- password reset.

-- When the user proved they read the login email (verifyEmail or a password reset); null: not yet.
alter table users add column email_verified_at timestamptz;

-- The postal address, all or nothing: line1, city and country are set together or the address is absent.
alter table users add column address_line1       text;
alter table users add column address_line2       text;
alter table users add column address_city        text;
alter table users add column address_region      text;
alter table users add column address_postal_code text;
alter table users add column address_country     text;
alter table users add constraint users_address_whole check (
    (address_line1 is null and address_line2 is null and address_city is null and address_region is null
        and address_postal_code is null and address_country is null)
    or (address_line1 is not null and address_city is not null and address_country is not null));
alter table users add constraint users_address_country_code check (address_country ~ '^[A-Z]{2}$');

-- Tokens mailed to a user (email verification, password reset). Only the SHA-256 of the token is kept: a copy of
-- this table cannot be used to verify an address or take over an account. A token works once, until expires_at;
-- closed_at is when it was used or replaced (issuing a new token of the same purpose, or using one, closes the user's
-- other open tokens of that purpose).
create table user_token (
    token_hash bytea       primary key,
    user_id    uuid        not null references users (id),
    purpose    text        not null,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    closed_at  timestamptz,
    constraint user_token_purpose_known check (purpose in ('EMAIL_VERIFICATION', 'PASSWORD_RESET')),
    constraint user_token_hash_length check (octet_length(token_hash) = 32)
);
create index user_token_open on user_token (user_id, purpose) where closed_at is null;
