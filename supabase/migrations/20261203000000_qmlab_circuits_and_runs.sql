-- QMLab: saved quantum circuits and the runs recorded for them.
--
-- A circuit is stored as OpenQASM 2.0 text (the format learners import and export), with the
-- qubit and gate counts qmlab-api derives when it parses it, so lists need not parse anything.
-- Visibility decides who else sees it:
--   private   only the owner;
--   unlisted  anyone holding the share link, through public.qmlab_shared_circuit(token) only
--             (never by listing the table);
--   public    listable by everyone, signed in or not.
-- Runs are owner-only history: what was simulated, where (browser worker or qmlab-api) and what
-- came out.

-- 128 random bits as 22 URL-safe characters: unguessable, and short enough for a link.
create or replace function private.qmlab_new_share_token()
returns text
language sql
volatile
set search_path = ''
as $$
  select translate(rtrim(encode(extensions.gen_random_bytes(16), 'base64'), '='), '+/', '-_');
$$;

revoke all on function private.qmlab_new_share_token() from public;
-- Column defaults run as the inserting role.
grant execute on function private.qmlab_new_share_token() to authenticated, service_role;
grant usage on schema private to authenticated, service_role;

create table public.qmlab_circuits (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  title text not null
    constraint qmlab_circuits_title_length check (char_length(btrim(title)) between 1 and 120),
  description text not null default ''
    constraint qmlab_circuits_description_length check (char_length(description) <= 2000),
  qasm text not null
    -- 100 kB of QASM is thousands of gates, beyond anything the builder makes.
    constraint qmlab_circuits_qasm_size check (octet_length(qasm) between 1 and 100000),
  num_qubits smallint not null
    constraint qmlab_circuits_num_qubits_range check (num_qubits between 1 and 30),
  gate_count integer not null default 0
    constraint qmlab_circuits_gate_count_range check (gate_count between 0 and 100000),
  visibility text not null default 'private'
    constraint qmlab_circuits_visibility_valid check (visibility in ('private', 'unlisted', 'public')),
  share_token text not null default private.qmlab_new_share_token()
    constraint qmlab_circuits_share_token_format check (share_token ~ '^[A-Za-z0-9_-]{22}$'),
  -- The circuit this one was forked from, while it exists.
  forked_from uuid references public.qmlab_circuits (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint qmlab_circuits_share_token_key unique (share_token),
  -- Lets runs carry owner_id with a foreign key that guarantees it matches the circuit's.
  constraint qmlab_circuits_id_owner_key unique (id, owner_id)
);

comment on table public.qmlab_circuits is
  'A learner''s saved circuit (OpenQASM 2.0) and who may see it: private, unlisted (by link) or public.';

alter table public.qmlab_circuits enable row level security;

-- "My circuits", newest first; the public gallery, newest first; forks of a circuit.
create index qmlab_circuits_owner_updated_idx on public.qmlab_circuits (owner_id, updated_at desc);
create index qmlab_circuits_public_updated_idx
  on public.qmlab_circuits (updated_at desc) where visibility = 'public';
create index qmlab_circuits_forked_from_idx on public.qmlab_circuits (forked_from);

revoke all on table public.qmlab_circuits from anon, authenticated, service_role;
grant select on table public.qmlab_circuits to anon, authenticated;
grant insert (id, owner_id, title, description, qasm, num_qubits, gate_count, visibility, forked_from)
  on table public.qmlab_circuits to authenticated;
grant update (title, description, qasm, num_qubits, gate_count, visibility)
  on table public.qmlab_circuits to authenticated;
grant delete on table public.qmlab_circuits to authenticated;
grant select, insert, update, delete on table public.qmlab_circuits to service_role;

create policy "anyone can list public circuits"
  on public.qmlab_circuits for select
  to anon
  using (visibility = 'public');

create policy "users can read their own and public circuits"
  on public.qmlab_circuits for select
  to authenticated
  using (owner_id = (select auth.uid()) or visibility = 'public');

create policy "users can save their own circuits"
  on public.qmlab_circuits for insert
  to authenticated
  with check (owner_id = (select auth.uid()));

create policy "owners can update their circuits"
  on public.qmlab_circuits for update
  to authenticated
  using (owner_id = (select auth.uid()))
  with check (owner_id = (select auth.uid()));

create policy "owners can delete their circuits"
  on public.qmlab_circuits for delete
  to authenticated
  using (owner_id = (select auth.uid()));

create trigger set_updated_at
  before update on public.qmlab_circuits
  for each row execute function private.set_updated_at();

create table public.qmlab_runs (
  id uuid primary key default gen_random_uuid(),
  circuit_id uuid not null,
  owner_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  shots integer not null
    constraint qmlab_runs_shots_range check (shots between 1 and 100000),
  -- Measured bit strings (q[n-1]…q[0]) to how often each came up.
  counts jsonb not null
    constraint qmlab_runs_counts_object check (jsonb_typeof(counts) = 'object')
    constraint qmlab_runs_counts_size check (octet_length(counts::text) <= 200000),
  -- The most likely basis states, [{"state": "00", "probability": 0.5}, …], at most 32.
  top_probabilities jsonb not null
    constraint qmlab_runs_top_probabilities_array check (
      jsonb_typeof(top_probabilities) = 'array' and jsonb_array_length(top_probabilities) <= 32),
  duration_ms double precision not null
    constraint qmlab_runs_duration_range check (duration_ms >= 0 and duration_ms < 86400000),
  engine_version text not null
    constraint qmlab_runs_engine_version_length check (char_length(engine_version) between 1 and 40),
  ran_in text not null
    constraint qmlab_runs_ran_in_valid check (ran_in in ('browser', 'server')),
  created_at timestamptz not null default now(),
  constraint qmlab_runs_circuit_owner_fkey foreign key (circuit_id, owner_id)
    references public.qmlab_circuits (id, owner_id) on delete cascade
);

comment on table public.qmlab_runs is
  'One simulation of a saved circuit: shots, counts, the top probabilities, time, engine and where it ran.';

alter table public.qmlab_runs enable row level security;

-- A circuit's run history, newest first; the owner's runs (policies, cascades).
create index qmlab_runs_circuit_created_idx on public.qmlab_runs (circuit_id, owner_id, created_at desc);
create index qmlab_runs_owner_idx on public.qmlab_runs (owner_id, created_at desc);

-- Runs are a record: written once, never edited.
revoke all on table public.qmlab_runs from anon, authenticated, service_role;
grant select, delete on table public.qmlab_runs to authenticated;
grant insert (id, circuit_id, owner_id, shots, counts, top_probabilities, duration_ms, engine_version, ran_in)
  on table public.qmlab_runs to authenticated;
grant select, insert, update, delete on table public.qmlab_runs to service_role;

create policy "owners can read their runs"
  on public.qmlab_runs for select
  to authenticated
  using (owner_id = (select auth.uid()));

create policy "owners can record runs of their circuits"
  on public.qmlab_runs for insert
  to authenticated
  with check (owner_id = (select auth.uid()));

create policy "owners can delete their runs"
  on public.qmlab_runs for delete
  to authenticated
  using (owner_id = (select auth.uid()));

-- A circuit shared by link (unlisted or public), for anyone holding the token, signed in or not.
-- Security definer because unlisted circuits must not be readable by listing the table; the
-- token is the capability. Returns no row for an unknown token or a private circuit.
create or replace function public.qmlab_shared_circuit(token text)
returns table (
  id uuid,
  title text,
  description text,
  qasm text,
  num_qubits smallint,
  gate_count integer,
  visibility text,
  owner_name text,
  created_at timestamptz,
  updated_at timestamptz
)
language sql
stable
security definer
set search_path = ''
as $$
  select c.id, c.title, c.description, c.qasm, c.num_qubits, c.gate_count, c.visibility,
         p.display_name, c.created_at, c.updated_at
  from public.qmlab_circuits c
  left join public.profiles p on p.id = c.owner_id
  where c.share_token = token and c.visibility in ('unlisted', 'public');
$$;

comment on function public.qmlab_shared_circuit(text) is
  'The unlisted or public circuit behind a share token, with its owner''s display name; no row otherwise.';

revoke all on function public.qmlab_shared_circuit(text) from public;
grant execute on function public.qmlab_shared_circuit(text) to anon, authenticated, service_role;
