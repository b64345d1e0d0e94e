-- public.health_check(): the cheapest question that proves the database answers through the
-- API. Edge functions' GET /health and `pnpm ops:health` call it with the anon key.

create or replace function public.health_check()
returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object('database', 'ok', 'checked_at', now());
$$;

revoke all on function public.health_check() from public;
grant execute on function public.health_check() to anon, authenticated, service_role;
