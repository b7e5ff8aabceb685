-- TransferStatusChanged outbox events name the owners of the transfer's wallets (`fromOwnerId`, `toOwnerId`; null for
-- a system account or a missing side), so a consumer can tell who paid and who was paid without reading payments'
-- tables: accounts notifies the payee of a completed payment (MONEY_RECEIVED) and the owner of a paid payout
-- (PAYOUT_COMPLETED); issue 6's subscriptions can route a status change to both parties. The trigger's one read of the
-- transfer now joins its two account rows (which the transaction has just locked): no extra statement, no extra insert.

create or replace function transfer_status_changed() returns trigger language plpgsql as $$
declare
    t record;
begin
    select tr.kind, tr.amount, tr.fee, tr.currency, tr.from_account_id, tr.to_account_id, tr.initiator_id,
           tr.failure_code, fa.owner_id as from_owner, ta.owner_id as to_owner
      into t
      from transfer tr
      left join ledger_account fa on fa.id = tr.from_account_id
      left join ledger_account ta on ta.id = tr.to_account_id
     where tr.id = new.transfer_id;
    insert into outbox_event (aggregate_type, aggregate_id, event_type, payload)
    values ('Transfer', new.transfer_id::text, 'TransferStatusChanged', jsonb_build_object(
        'transferId', new.transfer_id, 'kind', t.kind, 'status', new.status, 'reason', new.reason, 'at', new.at,
        'amount', t.amount::text, 'fee', t.fee::text, 'currency', t.currency,
        'fromWalletId', t.from_account_id, 'toWalletId', t.to_account_id, 'initiatorId', t.initiator_id,
        'fromOwnerId', t.from_owner, 'toOwnerId', t.to_owner, 'failureCode', t.failure_code));
    return null;
end $$;
