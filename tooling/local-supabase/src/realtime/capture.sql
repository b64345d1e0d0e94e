-- Change capture for Realtime's postgres_changes in the local stack.
--
-- Every table of the `supabase_realtime` publication gets an AFTER ROW trigger that sends the
-- change through NOTIFY. NOTIFY is transactional: listeners hear a change only once its
-- transaction commits, and in commit order, which is what logical decoding would give us
-- without needing wal_level=logical (a server restart) or an output plugin.
--
-- An event trigger keeps the capture triggers in step with the publication, so a table added by
-- a later migration (`alter publication supabase_realtime add table ...`) is captured at once.
--
-- Installed idempotently by the Realtime service (src/realtime/capture.ts), never by migrations.

create schema if not exists realtime;

-- NOTIFY payloads must stay under 8000 bytes: bigger changes wait here and the notification
-- carries only their id. The service reads and deletes them.
create table if not exists realtime.change_overflow (
  id bigint generated always as identity primary key,
  payload jsonb not null,
  created_at timestamptz not null default now()
);
revoke all on table realtime.change_overflow from public;

create or replace function realtime.capture_change() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  change text;
  overflow_id bigint;
begin
  change := jsonb_build_object(
    'schema', tg_table_schema,
    'table', tg_table_name,
    'type', tg_op,
    'record', case when tg_op = 'DELETE' then null else to_jsonb(new) end,
    'old_record', case when tg_op = 'INSERT' then null else to_jsonb(old) end
  )::text;
  if octet_length(change) < 7900 then
    perform pg_notify('realtime_changes', change);
  else
    insert into realtime.change_overflow (payload) values (change::jsonb) returning id into overflow_id;
    perform pg_notify('realtime_changes', json_build_object('overflow', overflow_id)::text);
  end if;
  return null;
end;
$$;

-- Adds the capture trigger to published tables that lack it and removes it from tables that left
-- the publication. Announces itself so the service refreshes its table metadata.
create or replace function realtime.sync_capture_triggers() returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  target record;
begin
  for target in
    select c.oid::regclass as rel
    from pg_catalog.pg_publication_tables p
    join pg_catalog.pg_namespace n on n.nspname = p.schemaname
    join pg_catalog.pg_class c on c.relnamespace = n.oid and c.relname = p.tablename
    where p.pubname = 'supabase_realtime'
      and c.relkind = 'r'
      -- never our own tables (a FOR ALL TABLES publication would otherwise make the overflow
      -- table capture itself, endlessly)
      and p.schemaname <> 'realtime'
      and not exists (
        select 1 from pg_catalog.pg_trigger t
        where t.tgrelid = c.oid and t.tgname = 'zz_realtime_capture'
      )
  loop
    execute format(
      'create trigger zz_realtime_capture after insert or update or delete on %s '
      'for each row execute function realtime.capture_change()',
      target.rel
    );
  end loop;

  for target in
    select t.tgrelid::regclass as rel
    from pg_catalog.pg_trigger t
    join pg_catalog.pg_class c on c.oid = t.tgrelid
    join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    where t.tgname = 'zz_realtime_capture'
      and not exists (
        select 1 from pg_catalog.pg_publication_tables p
        where p.pubname = 'supabase_realtime' and p.schemaname = n.nspname and p.tablename = c.relname
      )
  loop
    execute format('drop trigger zz_realtime_capture on %s', target.rel);
  end loop;

  perform pg_notify('realtime_schema', 'sync');
end;
$$;

create or replace function realtime.on_ddl_sync_capture() returns event_trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform realtime.sync_capture_triggers();
end;
$$;

-- CREATE TRIGGER is deliberately not in the tag list, so the sync cannot re-trigger itself.
drop event trigger if exists realtime_sync_capture;
create event trigger realtime_sync_capture on ddl_command_end
  when tag in ('CREATE PUBLICATION', 'ALTER PUBLICATION', 'DROP PUBLICATION', 'CREATE TABLE',
               'CREATE TABLE AS', 'ALTER TABLE', 'DROP TABLE')
  execute function realtime.on_ddl_sync_capture();

select realtime.sync_capture_triggers();
