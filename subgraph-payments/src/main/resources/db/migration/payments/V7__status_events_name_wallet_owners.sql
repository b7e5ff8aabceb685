-- TransferStatusChanged outbox events name the owners of the transfer's wallets (`fromOwnerId`, `toOwnerId`; null for
-- a system account or a missing side), so a consumer can tell who paid and who was paid without reading payments'
-- tables: accounts notifies the payee of a completed payment (MONEY_RECEIVED) and the owner of a paid payout
-- (PAYOUT_COMPLETED); issue 6's subscriptions can route a status change to both parties. Two primary-key reads of
-- account rows the transaction has just locked; no extra statement, no extra insert.

create or replace function transfer_status_changed() returns trigger language plpgsql as $$
declare
    t          transfer%rowtype;
    from_owner uuid;
    to_owner   uuid;
begin
    select * into t from transfer where id = new.transfer_id;
    select owner_id into from_owner from ledger_account where id = t.from_account_id;
    select owner_id into to_owner from ledger_account where id = t.to_account_id;
    insert into outbox_event (aggregate_type, aggregate_id, event_type, payload)
    values ('Transfer', new.transfer_id::text, 'TransferStatusChanged', jsonb_build_object(
        'transferId', new.transfer_id, 'kind', t.kind, 'status', new.status, 'reason', new.reason, 'at', new.at,
        'amount', t.amount::text, 'fee', t.fee::text, 'currency', t.currency,
        'fromWalletId', t.from_account_id, 'toWalletId', t.to_account_id, 'initiatorId', t.initiator_id,
        'fromOwnerId', from_owner, 'toOwnerId', to_owner, 'failureCode', t.failure_code));
    return null;
end $$;
