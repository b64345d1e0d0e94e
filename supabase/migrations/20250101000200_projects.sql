-- public.projects: the shared table every app uses for a user's named workspaces
-- (a SimCore study, a REPZ programme, a QMLab notebook, a LiveIt collection).
--
-- Owner-only: one policy per operation, all `to authenticated`; anon has no grants.

create table public.projects (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  app text not null
    constraint projects_app_valid check (app in ('simcore', 'repz', 'qmlab', 'liveit')),
  name text not null
    constraint projects_name_length check (char_length(btrim(name)) between 1 and 120),
  description text
    constraint projects_description_length check (char_length(description) <= 2000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

comment on table public.projects is 'A user''s named project in one of the four apps; visible only to its owner.';

alter table public.projects enable row level security;

-- Policies filter on owner_id and apps list a user's projects per app, newest first;
-- the index also covers the foreign key.
create index projects_owner_id_app_created_at_idx
  on public.projects (owner_id, app, created_at desc);

-- owner_id may be sent on insert (the policy checks it) but never changed; app is fixed too.
revoke all on table public.projects from anon, authenticated, service_role;
grant select, delete on table public.projects to authenticated;
grant insert (id, owner_id, app, name, description) on table public.projects to authenticated;
grant update (name, description) on table public.projects to authenticated;
grant select, insert, update, delete on table public.projects to service_role;

create policy "owners can read their projects"
  on public.projects for select
  to authenticated
  using ((select auth.uid()) = owner_id);

create policy "owners can create projects for themselves"
  on public.projects for insert
  to authenticated
  with check ((select auth.uid()) = owner_id);

create policy "owners can update their projects"
  on public.projects for update
  to authenticated
  using ((select auth.uid()) = owner_id)
  with check ((select auth.uid()) = owner_id);

create policy "owners can delete their projects"
  on public.projects for delete
  to authenticated
  using ((select auth.uid()) = owner_id);

create trigger set_updated_at
  before update on public.projects
  for each row execute function private.set_updated_at();
