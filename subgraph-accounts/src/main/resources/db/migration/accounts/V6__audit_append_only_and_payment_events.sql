-- Issue 5, audit log: the database itself keeps audit_log append-only. An entry is inserted and then never changed,
-- deleted or truncated, whatever the application does (a bug, an injected statement, a careless operator using the
-- application's role): UPDATE, DELETE and TRUNCATE fail with SQLSTATE P0001.
create function audit_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only: % refused', tg_op using errcode = 'P0001';
end $$;

create trigger audit_log_no_update_or_delete before update or delete on audit_log
    for each row execute function audit_log_append_only();

create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only();

alter table audit_log add constraint audit_log_source_known check (source in ('accounts', 'payments'));

-- Keyset paging of the whole log, newest first (auditLog without a filter, or filtered by time only).
create index audit_log_newest on audit_log (id desc);

-- How far a consumer of another subgraph's outbox has got: the highest event id it has handled, advanced in the same
-- transaction as the writes the events caused (audit entries, notifications), so each event is handled exactly once.
create table event_offset (
    consumer      text        primary key,
    last_event_id bigint      not null default 0 check (last_event_id >= 0),
    updated_at    timestamptz not null default now()
);
insert into event_offset (consumer) values ('payments');
