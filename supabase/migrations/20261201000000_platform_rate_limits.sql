-- Platform rate limits: one per-user budget mechanism for every edge function and for the
-- database writes behind them, replacing REPZ's own repz_consume_rate_limit.
--
-- * private.rate_limit_policies: the configuration. One row per (function, bucket) says how many
--   hits a user gets per window. A product adds its rows in its own migration.
-- * private.consume_rate_limit(function, bucket): the one counter. Counts one hit for the caller
--   and says whether it is within the policy.
-- * Edge functions spend request budgets through public.consume_rate_limit (the REST door to the
--   counter; a user can only spend their own budget, never raise it) via _shared/rate-limit.ts.
-- * Writes are budgeted where they happen: private.enforce_rate_limit raises SQLSTATE PT429
--   (PostgREST answers HTTP 429) and private.rate_limit_trigger calls it for every row written,
--   so the limit holds whichever path reaches the write: the edge function, /rest/v1/rpc/* or
--   /rest/v1/<table>.

create table private.rate_limit_policies (
  function_name text not null
    constraint rate_limit_policies_function_name_format check (function_name ~ '^[a-z][a-z0-9-]{0,62}$'),
  bucket text not null
    constraint rate_limit_policies_bucket_format check (bucket ~ '^[a-z][a-z0-9_-]{0,62}$'),
  max_hits integer not null constraint rate_limit_policies_max_hits_positive check (max_hits > 0),
  window_seconds integer not null
    constraint rate_limit_policies_window_range check (window_seconds between 1 and 86400),
  primary key (function_name, bucket)
);

comment on table private.rate_limit_policies is
  'Per-user budgets: at most max_hits per window_seconds for each (function, bucket).';

create table private.rate_limit_hits (
  user_id uuid not null references auth.users (id) on delete cascade,
  function_name text not null,
  bucket text not null,
  window_start timestamptz not null,
  hits integer not null default 0,
  primary key (user_id, function_name, bucket, window_start),
  foreign key (function_name, bucket) references private.rate_limit_policies (function_name, bucket)
    on update cascade on delete cascade
);

create index rate_limit_hits_policy_idx on private.rate_limit_hits (function_name, bucket);

comment on table private.rate_limit_hits is 'Hits per user, function, bucket and window.';

-- Only the security-definer functions below touch them.
alter table private.rate_limit_policies enable row level security;
alter table private.rate_limit_hits enable row level security;
revoke all on table private.rate_limit_policies, private.rate_limit_hits from public, anon, authenticated;

insert into private.rate_limit_policies (function_name, bucket, max_hits, window_seconds) values
  ('repz-api', 'read', 100, 60),
  ('repz-api', 'write', 20, 60);

-- Counts one hit of (function_name, bucket) for the caller in the policy's current window.
-- The limits live in the policy table, not in the caller, so a client cannot raise its budget.
create or replace function private.consume_rate_limit(function_name text, bucket text)
returns table (allowed boolean, remaining integer, retry_after_seconds integer)
language plpgsql
security definer
set search_path = ''
as $$
#variable_conflict use_column
declare
  caller uuid := (select auth.uid());
  policy private.rate_limit_policies;
  current_window timestamptz;
  used integer;
begin
  if caller is null then
    raise exception 'sign in first' using errcode = '42501';
  end if;
  select * into policy
  from private.rate_limit_policies p
  where p.function_name = consume_rate_limit.function_name and p.bucket = consume_rate_limit.bucket;
  if not found then
    raise exception 'no rate limit policy for %/%', function_name, bucket
      using errcode = '22023', hint = 'bucket';
  end if;
  current_window := to_timestamp(
    floor(extract(epoch from now()) / policy.window_seconds) * policy.window_seconds);

  insert into private.rate_limit_hits as h (user_id, function_name, bucket, window_start, hits)
  values (caller, policy.function_name, policy.bucket, current_window, 1)
  on conflict (user_id, function_name, bucket, window_start) do update set hits = h.hits + 1
  returning h.hits into used;

  -- Old windows are never read again; drop the caller's as we go.
  delete from private.rate_limit_hits h
  where h.user_id = caller and h.function_name = policy.function_name and h.bucket = policy.bucket
    and h.window_start < current_window;

  allowed := used <= policy.max_hits;
  remaining := greatest(policy.max_hits - used, 0);
  retry_after_seconds := case when allowed then 0 else greatest(1, ceil(extract(epoch from
    (current_window + make_interval(secs => policy.window_seconds) - clock_timestamp()))))::integer
  end;
  return next;
end;
$$;

revoke all on function private.consume_rate_limit(text, text) from public, anon;
grant execute on function private.consume_rate_limit(text, text) to authenticated;

-- Spends one hit and refuses with SQLSTATE PT429 (HTTP 429 from PostgREST) when the budget is
-- used up; the detail carries the seconds until the window ends (repz-api's Retry-After).
-- Calls without a signed-in user (service role, migrations, seed) have no budget to spend.
create or replace function private.enforce_rate_limit(function_name text, bucket text)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  verdict record;
begin
  if (select auth.uid()) is null then
    return;
  end if;
  select * into verdict from private.consume_rate_limit(function_name, bucket);
  if not verdict.allowed then
    raise exception 'too many % requests; retry in % s', bucket, verdict.retry_after_seconds
      using errcode = 'PT429', detail = verdict.retry_after_seconds::text;
  end if;
end;
$$;

revoke all on function private.enforce_rate_limit(text, text) from public, anon;
grant execute on function private.enforce_rate_limit(text, text) to authenticated;

-- Row trigger: every row written spends one hit of (TG_ARGV[0], TG_ARGV[1]). Use as
--   create trigger rate_limit after insert or update or delete on public.<table>
--   for each row execute function private.rate_limit_trigger('<function>', '<bucket>');
create or replace function private.rate_limit_trigger()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.enforce_rate_limit(tg_argv[0], tg_argv[1]);
  return null;
end;
$$;

revoke all on function private.rate_limit_trigger() from public, anon, authenticated;

-- The REST door edge functions use to spend request budgets (_shared/rate-limit.ts).
create or replace function public.consume_rate_limit(function_name text, bucket text)
returns table (allowed boolean, remaining integer, retry_after_seconds integer)
language sql
security invoker
set search_path = ''
as $$
  select * from private.consume_rate_limit(function_name, bucket);
$$;

revoke all on function public.consume_rate_limit(text, text) from public, anon;
grant execute on function public.consume_rate_limit(text, text) to authenticated;

-- REPZ: the write budget is spent by the writes repz-api makes (workouts created, replaced or
-- deleted; invites created and accepted; links ended), on every path to them.
create trigger rate_limit
  after insert or update or delete on public.repz_workouts
  for each row execute function private.rate_limit_trigger('repz-api', 'write');

create trigger rate_limit
  after insert or update on public.repz_coach_links
  for each row execute function private.rate_limit_trigger('repz-api', 'write');

drop function public.repz_consume_rate_limit(text);
drop table private.repz_rate_limits;

-- The list cap of GET /workouts holds on /rest/v1/rpc/repz_list_workouts too: the query moves to
-- private (not served over REST) and the public function checks the page before running it.
alter function public.repz_list_workouts(text, date, date, integer, integer, uuid)
  rename to repz_list_workouts_page;
alter function public.repz_list_workouts_page(text, date, date, integer, integer, uuid)
  set schema private;

create function public.repz_list_workouts(
  tz text, from_day date default null, to_day date default null,
  page_limit integer default 20, page_offset integer default 0, athlete uuid default null)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  if page_limit is null or page_limit not between 1 and 100 then
    raise exception 'limit must be between 1 and 100' using errcode = '22023', hint = 'limit';
  end if;
  if page_offset is null or page_offset < 0 then
    raise exception 'offset must be 0 or more' using errcode = '22023', hint = 'offset';
  end if;
  return private.repz_list_workouts_page(tz, from_day, to_day, page_limit, page_offset, athlete);
end;
$$;

revoke all on function public.repz_list_workouts(text, date, date, integer, integer, uuid) from public, anon;
grant execute on function public.repz_list_workouts(text, date, date, integer, integer, uuid) to authenticated;
