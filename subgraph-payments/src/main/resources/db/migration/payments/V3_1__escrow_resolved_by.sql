-- Escrow, continued (V3 is already applied where it landed, so it is not edited):
--   * resolved_by: who released or cancelled the escrow; null while HELD and when it expired
--   * resolution transfers are from now on initiated by the escrow itself (transfer.initiator_id = escrow.id, a UUID
--     no user has) under the idempotency key 'escrow-resolution', so transfer's UNIQUE (initiator_id, idempotency_key)
--     admits at most one resolution transfer per escrow, even past the escrow row lock.

alter table escrow add column resolved_by uuid;

-- Escrows resolved before this migration had their resolution transfer initiated by the resolving user.
alter table escrow disable trigger escrow_resolves_once;
update escrow e set resolved_by = t.initiator_id
from transfer t
where t.id = e.resolution_transfer_id and e.status in ('RELEASED', 'CANCELLED');
alter table escrow enable trigger escrow_resolves_once;

alter table escrow add constraint escrow_resolved_by_iff_released_or_cancelled
    check ((status in ('RELEASED', 'CANCELLED')) = (resolved_by is not null));
