-- SimCore runs: a simulation's definition and lifecycle (simcore_simulations) and what it produced
-- (simcore_results: a summary and compact columnar series).
--
-- The owner alone reads and writes their runs. A shared run is readable by whoever holds its
-- share token, through public.simcore_shared_run(token) (security definer): no policy ever
-- exposes shared rows to a listing, so a token cannot be guessed by reading the table.
-- Lifecycle rules, size bounds and the per-user quota (500 runs, 100 MB of results) live here,
-- not only in simcore-api, so a direct REST call cannot bypass them.

create type public.simcore_run_status as enum ('queued', 'running', 'paused', 'completed', 'failed', 'stopped');

create table public.simcore_simulations (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  -- The engine's module id (e.g. 'ising'); simcore-api checks it against the engine's registry.
  module text not null
    constraint simcore_simulations_module_format check (module ~ '^[a-z][a-z0-9-]{1,39}$'),
  title text not null
    constraint simcore_simulations_title_length check (char_length(btrim(title)) between 1 and 120),
  -- Validated by the module's zod schema in simcore-api; bounded here so a row stays small.
  params jsonb not null
    constraint simcore_simulations_params_object check (jsonb_typeof(params) = 'object')
    constraint simcore_simulations_params_size check (octet_length(params::text) <= 16384),
  status public.simcore_run_status not null default 'queued',
  progress real not null default 0
    constraint simcore_simulations_progress_range check (progress between 0 and 1),
  seed bigint
    constraint simcore_simulations_seed_range check (seed between 0 and 4294967295),
  engine_version text not null
    constraint simcore_simulations_engine_version_format check (engine_version ~ '^\d+\.\d+\.\d+([-+][0-9A-Za-z.-]{1,40})?$'),
  -- Wall-clock milliseconds the worker spent computing (paused time excluded).
  compute_ms integer
    constraint simcore_simulations_compute_ms_range check (compute_ms between 0 and 86400000),
  error_message text
    constraint simcore_simulations_error_length check (char_length(error_message) <= 500),
  -- null: private. 24 url-safe base64 characters (144 random bits) when shared.
  share_token text
    constraint simcore_simulations_share_token_format check (share_token ~ '^[A-Za-z0-9_-]{24}$'),
  shared_at timestamptz,
  started_at timestamptz,
  completed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint simcore_simulations_share_token_key unique (share_token),
  constraint simcore_simulations_shared_at_with_token check ((share_token is null) = (shared_at is null)),
  -- Lets results carry owner_id with a foreign key that guarantees it matches the run's.
  constraint simcore_simulations_id_owner_key unique (id, owner_id),
  constraint simcore_simulations_started_when_begun check (status = 'queued' or started_at is not null),
  constraint simcore_simulations_completed_when_ended
    check ((status in ('completed', 'failed', 'stopped')) = (completed_at is not null)),
  constraint simcore_simulations_completed_is_whole check (status <> 'completed' or progress = 1),
  constraint simcore_simulations_error_when_failed check (error_message is null or status = 'failed')
);

comment on table public.simcore_simulations is
  'A SimCore run: module, parameters, lifecycle status and progress, and its optional share token.';

alter table public.simcore_simulations enable row level security;

-- The runs list filters by owner, module and status, newest first.
create index simcore_simulations_owner_created_idx on public.simcore_simulations (owner_id, created_at desc);
create index simcore_simulations_owner_module_idx on public.simcore_simulations (owner_id, module, created_at desc);

revoke all on table public.simcore_simulations from anon, authenticated, service_role;
grant select, delete on table public.simcore_simulations to authenticated;
grant insert (id, owner_id, module, title, params, seed, engine_version) on table public.simcore_simulations to authenticated;
grant update (title, status, progress, compute_ms, error_message) on table public.simcore_simulations to authenticated;
grant select, insert, update, delete on table public.simcore_simulations to service_role;

create policy "owners can read their runs"
  on public.simcore_simulations for select
  to authenticated
  using (owner_id = (select auth.uid()));

create policy "owners can create their runs"
  on public.simcore_simulations for insert
  to authenticated
  with check (owner_id = (select auth.uid()));

create policy "owners can update their runs"
  on public.simcore_simulations for update
  to authenticated
  using (owner_id = (select auth.uid()))
  with check (owner_id = (select auth.uid()));

create policy "owners can delete their runs"
  on public.simcore_simulations for delete
  to authenticated
  using (owner_id = (select auth.uid()));

create trigger set_updated_at
  before update on public.simcore_simulations
  for each row execute function private.set_updated_at();

-- The quotas, in one place so the API's messages and the checks agree.
create or replace function public.simcore_quota()
returns table (max_runs integer, max_result_bytes bigint)
language sql
immutable
set search_path = ''
as $$
  select 500, 100::bigint * 1024 * 1024;
$$;

comment on function public.simcore_quota() is 'SimCore per-user limits: runs kept and bytes of results.';
revoke all on function public.simcore_quota() from public;
grant execute on function public.simcore_quota() to anon, authenticated, service_role;

-- Refuses a run beyond the owner's run quota. The advisory lock serialises one owner's inserts,
-- so two concurrent requests cannot both take the last slot.
create or replace function private.simcore_enforce_run_quota()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  kept integer;
  limit_runs integer := (select q.max_runs from public.simcore_quota() q);
begin
  perform pg_advisory_xact_lock(hashtextextended('simcore-quota:' || new.owner_id::text, 0));
  select count(*) into kept from public.simcore_simulations s where s.owner_id = new.owner_id;
  if kept >= limit_runs then
    raise exception 'quota_exceeded: at most % runs are kept per user; delete some to save more', limit_runs
      using errcode = '53400', hint = 'runs';
  end if;
  return new;
end;
$$;

revoke all on function private.simcore_enforce_run_quota() from public;

create trigger simcore_enforce_run_quota
  before insert on public.simcore_simulations
  for each row execute function private.simcore_enforce_run_quota();

-- The lifecycle: queued → running ⇄ paused → completed | failed | stopped (a queued run may also
-- be stopped). An ended run never changes status again. Timestamps are stamped here, not sent.
create or replace function private.simcore_apply_transition()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.status is distinct from old.status then
    if not (
      (old.status = 'queued' and new.status in ('running', 'stopped'))
      or (old.status = 'running' and new.status in ('paused', 'completed', 'failed', 'stopped'))
      or (old.status = 'paused' and new.status in ('running', 'completed', 'failed', 'stopped'))
    ) then
      raise exception 'a % run cannot become %', old.status, new.status
        using errcode = '55000', hint = 'status';
    end if;
    if new.status = 'running' and old.started_at is null then
      new.started_at := now();
    end if;
    if new.status in ('completed', 'failed', 'stopped') then
      new.started_at := coalesce(old.started_at, now());
      new.completed_at := now();
    end if;
    if new.status = 'completed' then
      new.progress := 1;
    end if;
  elsif old.status in ('completed', 'failed', 'stopped')
    and (new.progress is distinct from old.progress or new.compute_ms is distinct from old.compute_ms) then
    raise exception 'an ended run keeps its progress and compute time' using errcode = '55000', hint = 'status';
  end if;
  return new;
end;
$$;

revoke all on function private.simcore_apply_transition() from public;

create trigger simcore_apply_transition
  before update on public.simcore_simulations
  for each row execute function private.simcore_apply_transition();

create table public.simcore_results (
  simulation_id uuid primary key,
  -- Denormalised from the run (kept equal by the composite foreign key) for the policies and
  -- the storage quota.
  owner_id uuid not null default auth.uid(),
  summary jsonb not null
    constraint simcore_results_summary_object check (jsonb_typeof(summary) = 'object')
    constraint simcore_results_summary_size check (octet_length(summary::text) <= 16384),
  -- Columnar: {"<name>": [numbers…], …} plus optional encoded fields (e.g. the final lattice).
  series jsonb not null
    constraint simcore_results_series_object check (jsonb_typeof(series) = 'object'),
  -- Bytes of summary and series as JSON text, stamped by the trigger below; bounded per run.
  size_bytes integer not null default 0
    constraint simcore_results_size_cap check (size_bytes between 0 and 2000000),
  created_at timestamptz not null default now(),
  constraint simcore_results_simulation_fkey foreign key (simulation_id, owner_id)
    references public.simcore_simulations (id, owner_id) on delete cascade
);

comment on table public.simcore_results is
  'What a SimCore run produced: summary numbers and compact columnar series (at most 2 MB each).';

alter table public.simcore_results enable row level security;

create index simcore_results_simulation_owner_idx on public.simcore_results (simulation_id, owner_id);
create index simcore_results_owner_idx on public.simcore_results (owner_id);

-- Results are written once; a run is re-run, not edited.
revoke all on table public.simcore_results from anon, authenticated, service_role;
grant select, delete on table public.simcore_results to authenticated;
grant insert (simulation_id, owner_id, summary, series) on table public.simcore_results to authenticated;
grant select, insert, update, delete on table public.simcore_results to service_role;

create policy "owners can read their results"
  on public.simcore_results for select
  to authenticated
  using (owner_id = (select auth.uid()));

create policy "owners can store results of their runs"
  on public.simcore_results for insert
  to authenticated
  with check (owner_id = (select auth.uid()));

create policy "owners can delete their results"
  on public.simcore_results for delete
  to authenticated
  using (owner_id = (select auth.uid()));

-- Measures a result and refuses it beyond the owner's storage quota (same lock as the run quota).
create or replace function private.simcore_measure_result()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  used bigint;
  limit_bytes bigint := (select q.max_result_bytes from public.simcore_quota() q);
begin
  new.size_bytes := octet_length(new.summary::text) + octet_length(new.series::text);
  perform pg_advisory_xact_lock(hashtextextended('simcore-quota:' || new.owner_id::text, 0));
  select coalesce(sum(r.size_bytes), 0) into used from public.simcore_results r where r.owner_id = new.owner_id;
  if used + new.size_bytes > limit_bytes then
    raise exception 'quota_exceeded: at most % MB of results are kept per user; delete some runs to save more',
      limit_bytes / 1024 / 1024
      using errcode = '53400', hint = 'storage';
  end if;
  return new;
end;
$$;

revoke all on function private.simcore_measure_result() from public;

create trigger simcore_measure_result
  before insert on public.simcore_results
  for each row execute function private.simcore_measure_result();

-- A run as the API answers with it, with its result when `with_series` (list views skip series).
create or replace function public.simcore_run_json(run public.simcore_simulations, result public.simcore_results, with_series boolean)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select jsonb_build_object(
    'id', run.id, 'module', run.module, 'title', run.title, 'params', run.params,
    'status', run.status, 'progress', run.progress, 'seed', run.seed,
    'engineVersion', run.engine_version, 'computeMs', run.compute_ms, 'errorMessage', run.error_message,
    'shared', run.share_token is not null, 'startedAt', run.started_at, 'completedAt', run.completed_at,
    'createdAt', run.created_at, 'updatedAt', run.updated_at,
    'summary', result.summary, 'sizeBytes', coalesce(result.size_bytes, 0)
  ) || case when with_series then jsonb_build_object('series', result.series) else '{}'::jsonb end;
$$;

revoke all on function public.simcore_run_json(public.simcore_simulations, public.simcore_results, boolean) from public;
grant execute on function public.simcore_run_json(public.simcore_simulations, public.simcore_results, boolean)
  to authenticated, service_role;

-- Ends a run (completed, stopped or failed) and stores its result in one transaction: the
-- status and the result are written together or not at all. Runs as the caller (RLS applies).
create or replace function public.simcore_finish_run(
  run_id uuid,
  final_status public.simcore_run_status,
  final_progress real,
  compute_ms integer,
  summary jsonb default null,
  series jsonb default null,
  error_message text default null
)
returns jsonb
language plpgsql
security invoker
set search_path = ''
as $$
declare
  caller uuid := (select auth.uid());
  run public.simcore_simulations;
  result public.simcore_results;
begin
  if caller is null then
    raise exception 'sign in first' using errcode = '42501';
  end if;
  if final_status not in ('completed', 'stopped', 'failed') then
    raise exception 'a run ends completed, stopped or failed' using errcode = '22023', hint = 'status';
  end if;
  if (summary is null) <> (series is null) then
    raise exception 'a result has both a summary and series' using errcode = '22023', hint = 'series';
  end if;
  if final_status = 'completed' and summary is null then
    raise exception 'a completed run needs its result' using errcode = '22023', hint = 'summary';
  end if;

  update public.simcore_simulations s
  set status = final_status,
      progress = case when final_status = 'completed' then 1 else final_progress end,
      compute_ms = simcore_finish_run.compute_ms,
      error_message = simcore_finish_run.error_message
  where s.id = run_id and s.owner_id = caller
  returning * into run;
  if not found then
    raise exception 'run not found' using errcode = 'P0002', hint = 'id';
  end if;

  if summary is not null then
    insert into public.simcore_results (simulation_id, owner_id, summary, series)
    values (run.id, caller, simcore_finish_run.summary, simcore_finish_run.series)
    returning * into result;
  end if;
  return public.simcore_run_json(run, result, false);
end;
$$;

revoke all on function public.simcore_finish_run(uuid, public.simcore_run_status, real, integer, jsonb, jsonb, text) from public, anon;
grant execute on function public.simcore_finish_run(uuid, public.simcore_run_status, real, integer, jsonb, jsonb, text)
  to authenticated;

-- Gives a run a share token (keeping an existing one) or takes it away; returns the token.
-- Security definer because the token columns are not granted for update; it checks ownership
-- itself, so this function is the one way to set them.
create or replace function public.simcore_set_sharing(run_id uuid, shared boolean)
returns text
language plpgsql
security definer
set search_path = ''
as $$
declare
  token text;
begin
  if (select auth.uid()) is null then
    raise exception 'sign in first' using errcode = '42501';
  end if;
  update public.simcore_simulations s
  set share_token = case
        when not shared then null
        else coalesce(s.share_token,
          translate(encode(extensions.gen_random_bytes(18), 'base64'), '+/', '-_'))
      end,
      shared_at = case when not shared then null else coalesce(s.shared_at, now()) end
  where s.id = run_id and s.owner_id = (select auth.uid())
  returning s.share_token into token;
  if not found then
    raise exception 'run not found' using errcode = 'P0002', hint = 'id';
  end if;
  return token;
end;
$$;

revoke all on function public.simcore_set_sharing(uuid, boolean) from public, anon;
grant execute on function public.simcore_set_sharing(uuid, boolean) to authenticated;

-- The shared run with this token (params, summary and series), or null. Anyone may call it,
-- signed in or not; it reveals nothing without the exact token and never the owner.
create or replace function public.simcore_shared_run(token text)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select public.simcore_run_json(s, r, true) - 'shared'
  from public.simcore_simulations s
  left join public.simcore_results r on r.simulation_id = s.id
  where token ~ '^[A-Za-z0-9_-]{24}$' and s.share_token = token;
$$;

revoke all on function public.simcore_shared_run(text) from public;
grant execute on function public.simcore_shared_run(text) to anon, authenticated;

-- The caller's totals for the stats page: runs and compute time per module, storage used and
-- the quotas they count against.
create or replace function public.simcore_run_stats()
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
  select jsonb_build_object(
    'modules', coalesce((
      select jsonb_agg(m order by m ->> 'module')
      from (
        select jsonb_build_object(
          'module', s.module, 'runs', count(*),
          'completed', count(*) filter (where s.status = 'completed'),
          'computeMs', coalesce(sum(s.compute_ms), 0)) as m
        from public.simcore_simulations s
        where s.owner_id = (select auth.uid())
        group by s.module
      ) per_module
    ), '[]'::jsonb),
    'runs', (select count(*) from public.simcore_simulations s where s.owner_id = (select auth.uid())),
    'computeMs', (select coalesce(sum(s.compute_ms), 0) from public.simcore_simulations s where s.owner_id = (select auth.uid())),
    'storageBytes', (select coalesce(sum(r.size_bytes), 0) from public.simcore_results r where r.owner_id = (select auth.uid())),
    'quota', (select jsonb_build_object('runs', q.max_runs, 'storageBytes', q.max_result_bytes) from public.simcore_quota() q)
  );
$$;

revoke all on function public.simcore_run_stats() from public, anon;
grant execute on function public.simcore_run_stats() to authenticated;

-- A page of the caller's runs, newest first, optionally of one module and status, with each
-- run's summary (not its series) and the total that match.
create or replace function public.simcore_list_runs(
  module text default null,
  status public.simcore_run_status default null,
  page_limit integer default 20,
  page_offset integer default 0
)
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
  with matching as (
    select s as run, s.id, s.created_at
    from public.simcore_simulations s
    where s.owner_id = (select auth.uid())
      and (simcore_list_runs.module is null or s.module = simcore_list_runs.module)
      and (simcore_list_runs.status is null or s.status = simcore_list_runs.status)
  ),
  page as (
    select m.run, m.id, m.created_at from matching m
    order by m.created_at desc, m.id
    limit least(greatest(page_limit, 1), 100) offset greatest(page_offset, 0)
  )
  select jsonb_build_object(
    'total', (select count(*) from matching),
    'items', coalesce((
      select jsonb_agg(public.simcore_run_json(p.run, r, false) order by p.created_at desc, p.id)
      from page p
      left join public.simcore_results r on r.simulation_id = p.id
    ), '[]'::jsonb)
  );
$$;

revoke all on function public.simcore_list_runs(text, public.simcore_run_status, integer, integer) from public, anon;
grant execute on function public.simcore_list_runs(text, public.simcore_run_status, integer, integer) to authenticated;

-- One of the caller's runs with its series (to redraw it without re-running), or null.
create or replace function public.simcore_get_run(run_id uuid)
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
  select public.simcore_run_json(s, r, true)
  from public.simcore_simulations s
  left join public.simcore_results r on r.simulation_id = s.id
  where s.id = run_id and s.owner_id = (select auth.uid());
$$;

revoke all on function public.simcore_get_run(uuid) from public, anon;
grant execute on function public.simcore_get_run(uuid) to authenticated;

-- Per-user budgets (the platform's private.rate_limit_policies): simcore-api's reads are spent
-- per request by the function; writes are spent here, per row written, so the same budget holds
-- for /rest/v1. Saving a run writes about four rows (create, start, finish and its result).
insert into private.rate_limit_policies (function_name, bucket, max_hits, window_seconds) values
  ('simcore-api', 'read', 120, 60),
  ('simcore-api', 'write', 60, 60);

create trigger rate_limit
  after insert or update or delete on public.simcore_simulations
  for each row execute function private.rate_limit_trigger('simcore-api', 'write');

create trigger rate_limit
  after insert or delete on public.simcore_results
  for each row execute function private.rate_limit_trigger('simcore-api', 'write');
