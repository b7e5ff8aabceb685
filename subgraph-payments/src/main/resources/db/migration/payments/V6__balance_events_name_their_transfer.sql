-- WalletBalanceChanged outbox events name the transfer that moved the wallet (`transferId`), so a subscriber of
-- balance updates (issue 6: BalanceUpdate.transfer) need not guess it. The journal and hold triggers, the only writers
-- of balance and held, leave the transfer in a transaction-local setting just before they move the account row;
-- the outbox trigger on that row reads it back. Nothing else changes: same statements, same checks.

create or replace function journal_entry_moves_balance() returns trigger language plpgsql as $$
begin
    perform set_config('ventus.moving_transfer', new.transfer_id::text, true);
    update ledger_account set balance = balance + new.amount, version = version + 1 where id = new.account_id;
    return new;
end $$;

create or replace function hold_moves_held() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform set_config('ventus.moving_transfer', new.transfer_id::text, true);
        update ledger_account set held = held + new.amount, version = version + 1 where id = new.account_id;
    elsif old.status = 'PENDING' and new.status <> 'PENDING' then
        perform set_config('ventus.moving_transfer', old.transfer_id::text, true);
        update ledger_account set held = held - old.amount, version = version + 1 where id = old.account_id;
    end if;
    return null;
end $$;

create or replace function wallet_balance_changed() returns trigger language plpgsql as $$
begin
    insert into outbox_event (aggregate_type, aggregate_id, event_type, payload)
    values ('Wallet', new.id::text, 'WalletBalanceChanged', jsonb_build_object(
        'walletId', new.id, 'ownerId', new.owner_id, 'currency', new.currency,
        'balance', new.balance::text, 'held', new.held::text, 'available', (new.balance - new.held)::text,
        'previousBalance', old.balance::text, 'previousHeld', old.held::text, 'version', new.version,
        'transferId', nullif(current_setting('ventus.moving_transfer', true), '')::uuid));
    return null;
end $$;
