-- REPZ training data: the exercise library, workouts and their sets, and daily body metrics.
--
-- Weights are stored in kilograms (numeric, never float) and converted by the app.
-- Every table is owner-only, except that a coach with an active link may read a client's
-- training rows; that rule lives in one helper (private.coached_client_ids, defined here and used
-- by the coaching migration's policies too) so each policy stays a one-liner.

-- Coaching links are created here (rather than with messages) because the training policies
-- depend on them.
create table public.repz_coach_links (
  id uuid primary key default gen_random_uuid(),
  coach_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  client_id uuid references auth.users (id) on delete cascade,
  status text not null default 'pending'
    constraint repz_coach_links_status_valid check (status in ('pending', 'active', 'ended')),
  invite_code text not null
    constraint repz_coach_links_invite_code_format check (invite_code ~ '^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$'),
  invite_expires_at timestamptz not null,
  accepted_at timestamptz,
  ended_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint repz_coach_links_invite_code_unique unique (invite_code),
  constraint repz_coach_links_not_self check (client_id is null or client_id <> coach_id),
  -- A pending invite has no client yet; an accepted one always has.
  constraint repz_coach_links_client_when_accepted check ((status = 'pending') = (client_id is null)),
  constraint repz_coach_links_expiry_after_creation check (invite_expires_at > created_at)
);

comment on table public.repz_coach_links is
  'A coach''s invite (pending) and the coach–client relationship it becomes (active, then ended).';

alter table public.repz_coach_links enable row level security;

create index repz_coach_links_coach_id_idx on public.repz_coach_links (coach_id, status);
create index repz_coach_links_client_id_idx on public.repz_coach_links (client_id, status);
-- One active relationship per pair.
create unique index repz_coach_links_one_active_pair_idx
  on public.repz_coach_links (coach_id, client_id) where status = 'active';

-- Invites are created by the coach; accepting goes through repz_accept_invite() because the
-- client cannot see a pending link before accepting it. Either side may end a link.
revoke all on table public.repz_coach_links from anon, authenticated, service_role;
grant select on table public.repz_coach_links to authenticated;
grant insert (coach_id, invite_code, invite_expires_at) on table public.repz_coach_links to authenticated;
grant update (status, ended_at) on table public.repz_coach_links to authenticated;
grant select, insert, update, delete on table public.repz_coach_links to service_role;

create policy "coaches and clients can read their links"
  on public.repz_coach_links for select
  to authenticated
  using ((select auth.uid()) in (coach_id, client_id));

create policy "coaches can create pending invites"
  on public.repz_coach_links for insert
  to authenticated
  with check ((select auth.uid()) = coach_id and status = 'pending' and client_id is null);

-- Only an active link can be ended: an ended one stays as it was (its end time is history).
create policy "coaches and clients can end their active links"
  on public.repz_coach_links for update
  to authenticated
  using ((select auth.uid()) in (coach_id, client_id) and status = 'active')
  with check (status = 'ended' and ended_at is not null);

create trigger set_updated_at
  before update on public.repz_coach_links
  for each row execute function private.set_updated_at();

-- The users the caller coaches through an active link. Security definer so policies on other
-- tables can ask without granting access to the links themselves. Policies use it as
-- `owner_id in (select private.coached_client_ids())`: a subquery PostgreSQL runs once per
-- statement and hashes, rather than a function call per row.
create or replace function private.coached_client_ids()
returns setof uuid
language sql
stable
security definer
set search_path = ''
as $$
  select l.client_id
  from public.repz_coach_links l
  where l.coach_id = (select auth.uid()) and l.status = 'active';
$$;

revoke all on function private.coached_client_ids() from public;
-- Policies run as the caller, so the API roles need to reach this one helper (the private
-- schema is still not exposed over HTTP: only `public` is).
grant usage on schema private to authenticated;
grant execute on function private.coached_client_ids() to authenticated;

create table public.repz_exercises (
  id uuid primary key default gen_random_uuid(),
  -- null: a global library exercise, readable by every signed-in user.
  owner_id uuid references auth.users (id) on delete cascade,
  name text not null
    constraint repz_exercises_name_length check (char_length(btrim(name)) between 1 and 80),
  muscle_group text not null
    constraint repz_exercises_muscle_group_valid check (muscle_group in (
      'chest', 'back', 'shoulders', 'biceps', 'triceps', 'forearms', 'core',
      'quadriceps', 'hamstrings', 'glutes', 'calves', 'full_body')),
  equipment text not null
    constraint repz_exercises_equipment_valid check (equipment in (
      'barbell', 'dumbbell', 'machine', 'cable', 'bodyweight', 'kettlebell', 'band', 'other')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

comment on table public.repz_exercises is
  'Exercise library: global rows (owner_id null) plus each user''s own exercises.';

alter table public.repz_exercises enable row level security;

-- Unique name per owner, case-insensitively; the global library is one "owner" (nulls not distinct).
create unique index repz_exercises_owner_name_key
  on public.repz_exercises (owner_id, lower(name)) nulls not distinct;

revoke all on table public.repz_exercises from anon, authenticated, service_role;
grant select, delete on table public.repz_exercises to authenticated;
grant insert (id, owner_id, name, muscle_group, equipment) on table public.repz_exercises to authenticated;
grant update (name, muscle_group, equipment) on table public.repz_exercises to authenticated;
grant select, insert, update, delete on table public.repz_exercises to service_role;

-- A coach sees a client's own exercises too, or the client's sets would show nameless lifts.
create policy "users can read the library, their own and their clients' exercises"
  on public.repz_exercises for select
  to authenticated
  using (owner_id is null or owner_id = (select auth.uid()) or owner_id in (select private.coached_client_ids()));

create policy "users can create their own exercises"
  on public.repz_exercises for insert
  to authenticated
  with check (owner_id = (select auth.uid()));

create policy "users can update their own exercises"
  on public.repz_exercises for update
  to authenticated
  using (owner_id = (select auth.uid()))
  with check (owner_id = (select auth.uid()));

create policy "users can delete their own exercises"
  on public.repz_exercises for delete
  to authenticated
  using (owner_id = (select auth.uid()));

create trigger set_updated_at
  before update on public.repz_exercises
  for each row execute function private.set_updated_at();

create table public.repz_workouts (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  performed_at timestamptz not null,
  name text not null
    constraint repz_workouts_name_length check (char_length(btrim(name)) between 1 and 120),
  notes text
    constraint repz_workouts_notes_length check (char_length(notes) <= 2000),
  duration_min integer
    constraint repz_workouts_duration_range check (duration_min between 1 and 1440),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- Lets sets carry owner_id with a foreign key that guarantees it matches the workout's.
  constraint repz_workouts_id_owner_key unique (id, owner_id)
);

comment on table public.repz_workouts is 'One training session of a user.';

alter table public.repz_workouts enable row level security;

-- History pages list a user's workouts newest first, filtered by date.
create index repz_workouts_owner_performed_at_idx on public.repz_workouts (owner_id, performed_at desc);

revoke all on table public.repz_workouts from anon, authenticated, service_role;
grant select, delete on table public.repz_workouts to authenticated;
grant insert (id, owner_id, performed_at, name, notes, duration_min) on table public.repz_workouts to authenticated;
grant update (performed_at, name, notes, duration_min) on table public.repz_workouts to authenticated;
grant select, insert, update, delete on table public.repz_workouts to service_role;

create policy "owners and their active coach can read workouts"
  on public.repz_workouts for select
  to authenticated
  using (owner_id = (select auth.uid()) or owner_id in (select private.coached_client_ids()));

create policy "owners can create their workouts"
  on public.repz_workouts for insert
  to authenticated
  with check (owner_id = (select auth.uid()));

create policy "owners can update their workouts"
  on public.repz_workouts for update
  to authenticated
  using (owner_id = (select auth.uid()))
  with check (owner_id = (select auth.uid()));

create policy "owners can delete their workouts"
  on public.repz_workouts for delete
  to authenticated
  using (owner_id = (select auth.uid()));

create trigger set_updated_at
  before update on public.repz_workouts
  for each row execute function private.set_updated_at();

create table public.repz_workout_sets (
  id uuid primary key default gen_random_uuid(),
  workout_id uuid not null,
  -- Denormalised from the workout (and kept equal by the composite foreign key) so policies and
  -- progress queries filter on an index instead of joining for every row.
  owner_id uuid not null default auth.uid(),
  -- No action, checked at commit: deleting a user removes their exercises and, through their
  -- workouts, the sets that use them, as separate cascades in no set order; an immediate check
  -- (restrict) fires between the two and makes such a user impossible to delete. At commit, an
  -- exercise still used by a set is refused all the same (23503).
  exercise_id uuid not null references public.repz_exercises (id) on delete no action deferrable initially deferred,
  set_number smallint not null
    constraint repz_workout_sets_set_number_range check (set_number between 1 and 100),
  reps integer not null
    constraint repz_workout_sets_reps_range check (reps between 1 and 1000),
  weight_kg numeric(6, 2) not null
    constraint repz_workout_sets_weight_range check (weight_kg between 0 and 1500),
  rpe numeric(3, 1)
    constraint repz_workout_sets_rpe_range check (rpe between 1 and 10 and rpe * 2 = trunc(rpe * 2)),
  rest_seconds integer
    constraint repz_workout_sets_rest_range check (rest_seconds between 0 and 3600),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint repz_workout_sets_workout_fkey foreign key (workout_id, owner_id)
    references public.repz_workouts (id, owner_id) on delete cascade,
  constraint repz_workout_sets_number_unique unique (workout_id, set_number)
);

comment on table public.repz_workout_sets is 'The sets of a workout, in kilograms.';

alter table public.repz_workout_sets enable row level security;

-- (workout_id, set_number) is covered by the unique constraint; these serve the composite
-- foreign key, the exercise foreign key and per-exercise progress queries.
create index repz_workout_sets_workout_owner_idx on public.repz_workout_sets (workout_id, owner_id);
create index repz_workout_sets_owner_exercise_idx on public.repz_workout_sets (owner_id, exercise_id);
create index repz_workout_sets_exercise_id_idx on public.repz_workout_sets (exercise_id);

revoke all on table public.repz_workout_sets from anon, authenticated, service_role;
grant select, delete on table public.repz_workout_sets to authenticated;
grant insert (id, workout_id, owner_id, exercise_id, set_number, reps, weight_kg, rpe, rest_seconds)
  on table public.repz_workout_sets to authenticated;
grant update (exercise_id, set_number, reps, weight_kg, rpe, rest_seconds)
  on table public.repz_workout_sets to authenticated;
grant select, insert, update, delete on table public.repz_workout_sets to service_role;

create policy "owners and their active coach can read sets"
  on public.repz_workout_sets for select
  to authenticated
  using (owner_id = (select auth.uid()) or owner_id in (select private.coached_client_ids()));

-- The exercise must be one the user can see (the library or their own): the sub-select runs
-- under the exercises' own policy.
create policy "owners can add sets with exercises they can see"
  on public.repz_workout_sets for insert
  to authenticated
  with check (
    owner_id = (select auth.uid())
    and exists (
      select 1 from public.repz_exercises e
      where e.id = exercise_id and (e.owner_id is null or e.owner_id = (select auth.uid()))
    )
  );

create policy "owners can update their sets"
  on public.repz_workout_sets for update
  to authenticated
  using (owner_id = (select auth.uid()))
  with check (
    owner_id = (select auth.uid())
    and exists (
      select 1 from public.repz_exercises e
      where e.id = exercise_id and (e.owner_id is null or e.owner_id = (select auth.uid()))
    )
  );

create policy "owners can delete their sets"
  on public.repz_workout_sets for delete
  to authenticated
  using (owner_id = (select auth.uid()));

create trigger set_updated_at
  before update on public.repz_workout_sets
  for each row execute function private.set_updated_at();

create table public.repz_progress (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  day date not null,
  body_weight_kg numeric(5, 2)
    constraint repz_progress_body_weight_range check (body_weight_kg between 20 and 400),
  body_fat_pct numeric(4, 1)
    constraint repz_progress_body_fat_range check (body_fat_pct between 2 and 75),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint repz_progress_one_row_per_day unique (owner_id, day),
  constraint repz_progress_has_a_measurement check (body_weight_kg is not null or body_fat_pct is not null)
);

comment on table public.repz_progress is 'Daily body metrics of a user (one row per day).';

alter table public.repz_progress enable row level security;

revoke all on table public.repz_progress from anon, authenticated, service_role;
grant select, delete on table public.repz_progress to authenticated;
grant insert (id, owner_id, day, body_weight_kg, body_fat_pct) on table public.repz_progress to authenticated;
grant update (day, body_weight_kg, body_fat_pct) on table public.repz_progress to authenticated;
grant select, insert, update, delete on table public.repz_progress to service_role;

-- (owner_id, day) unique index serves every policy.
create policy "owners and their active coach can read body metrics"
  on public.repz_progress for select
  to authenticated
  using (owner_id = (select auth.uid()) or owner_id in (select private.coached_client_ids()));

create policy "owners can record their body metrics"
  on public.repz_progress for insert
  to authenticated
  with check (owner_id = (select auth.uid()));

create policy "owners can correct their body metrics"
  on public.repz_progress for update
  to authenticated
  using (owner_id = (select auth.uid()))
  with check (owner_id = (select auth.uid()));

create policy "owners can delete their body metrics"
  on public.repz_progress for delete
  to authenticated
  using (owner_id = (select auth.uid()));

create trigger set_updated_at
  before update on public.repz_progress
  for each row execute function private.set_updated_at();

-- What body-metric formulas need besides the daily weight: height, age, sex, activity.
create table public.repz_body_profiles (
  id uuid primary key default auth.uid() references auth.users (id) on delete cascade,
  height_cm numeric(4, 1)
    constraint repz_body_profiles_height_range check (height_cm between 100 and 250),
  birth_date date
    constraint repz_body_profiles_birth_date_range check (birth_date between date '1900-01-01' and current_date),
  sex text
    constraint repz_body_profiles_sex_valid check (sex in ('male', 'female')),
  activity_level text not null default 'moderate'
    constraint repz_body_profiles_activity_valid check (
      activity_level in ('sedentary', 'light', 'moderate', 'active', 'very_active')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

comment on table public.repz_body_profiles is 'Per-user inputs of the body-metric formulas (BMI, RMR, TDEE).';

alter table public.repz_body_profiles enable row level security;

revoke all on table public.repz_body_profiles from anon, authenticated, service_role;
grant select, delete on table public.repz_body_profiles to authenticated;
grant insert (id, height_cm, birth_date, sex, activity_level) on table public.repz_body_profiles to authenticated;
grant update (height_cm, birth_date, sex, activity_level) on table public.repz_body_profiles to authenticated;
grant select, insert, update, delete on table public.repz_body_profiles to service_role;

-- Owner only: a coach reads a client's training and body metrics, not their birth date or sex.
create policy "owners can read their body profile"
  on public.repz_body_profiles for select
  to authenticated
  using (id = (select auth.uid()));

create policy "owners can create their body profile"
  on public.repz_body_profiles for insert
  to authenticated
  with check (id = (select auth.uid()));

create policy "owners can update their body profile"
  on public.repz_body_profiles for update
  to authenticated
  using (id = (select auth.uid()))
  with check (id = (select auth.uid()));

create policy "owners can delete their body profile"
  on public.repz_body_profiles for delete
  to authenticated
  using (id = (select auth.uid()));

create trigger set_updated_at
  before update on public.repz_body_profiles
  for each row execute function private.set_updated_at();
