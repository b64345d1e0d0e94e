-- Shared helpers every later migration builds on.
--
-- * `private`: a schema the REST API never exposes (only `public` is listed in config.toml's
--   [api] schemas, and API roles get no usage on it), for trigger functions and
--   security-definer helpers that must not be callable as RPC.
-- * `private.set_updated_at()`: the one `updated_at` trigger function for every table.
-- * `public.is_admin()`: whether the caller's JWT carries the admin role in `app_metadata`,
--   which only the service role can write; `user_metadata` is user-editable and never trusted.
-- * pgcrypto in `extensions`, as on hosted Supabase (seed.sql hashes demo passwords with it).

create schema if not exists extensions;
create extension if not exists pgcrypto with schema extensions;

create schema if not exists private;
revoke all on schema private from public;
revoke all on schema private from anon, authenticated;

-- Sets updated_at on every update, whatever the client sent.
create or replace function private.set_updated_at()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end;
$$;

comment on function private.set_updated_at() is
  'Trigger function: stamps updated_at on update. Use one trigger per table: '
  'create trigger set_updated_at before update on public.<table> '
  'for each row execute function private.set_updated_at();';

revoke all on function private.set_updated_at() from public;

-- Security invoker is enough: auth.jwt() only reads the request's claims. The fixed,
-- empty search_path makes every reference schema-qualified and unhijackable.
create or replace function public.is_admin()
returns boolean
language sql
stable
set search_path = ''
as $$
  select coalesce((select auth.jwt()) -> 'app_metadata' ->> 'role' = 'admin', false);
$$;

comment on function public.is_admin() is
  'True when the caller''s JWT has app_metadata.role = ''admin''. Call it as '
  '(select public.is_admin()) in policies so it runs once per statement.';

revoke all on function public.is_admin() from public, anon;
grant execute on function public.is_admin() to authenticated, service_role;
