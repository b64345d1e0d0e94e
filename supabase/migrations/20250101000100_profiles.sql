-- public.profiles: one row per user, created by a trigger when the user signs up.
--
-- Users read and update only their own row. Nobody inserts or deletes profiles by hand:
-- the signup trigger creates them and `on delete cascade` removes them with the user, so
-- there are no insert/delete grants and no insert/delete policies.

create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  display_name text not null
    constraint profiles_display_name_length check (char_length(btrim(display_name)) between 1 and 80),
  -- Object path in the avatars storage bucket, e.g. '<user id>/avatar.png'.
  avatar_path text
    constraint profiles_avatar_path_length check (char_length(avatar_path) between 1 and 1024),
  preferred_units text not null default 'kg'
    constraint profiles_preferred_units_valid check (preferred_units in ('kg', 'lb')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

comment on table public.profiles is 'Public-facing details of each user; one row per auth.users row.';

alter table public.profiles enable row level security;

-- Explicit grants: Supabase's default privileges would otherwise give anon and authenticated
-- every privilege. Users may change only the editable columns.
revoke all on table public.profiles from anon, authenticated, service_role;
grant select on table public.profiles to authenticated;
grant update (display_name, avatar_path, preferred_units) on table public.profiles to authenticated;
grant select, update on table public.profiles to service_role;

-- The primary key index on id serves both policies.
create policy "users can read their own profile"
  on public.profiles for select
  to authenticated
  using ((select auth.uid()) = id);

create policy "users can update their own profile"
  on public.profiles for update
  to authenticated
  using ((select auth.uid()) = id)
  with check ((select auth.uid()) = id);

create trigger set_updated_at
  before update on public.profiles
  for each row execute function private.set_updated_at();

-- Runs as the function owner because the signing-up user has no insert grant on profiles.
-- The display name comes from sign-up metadata (display_name, then OAuth's full_name/name),
-- else the e-mail's local part; it is trimmed and cut to the column's limit.
create or replace function private.handle_new_user()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.profiles (id, display_name)
  values (
    new.id,
    left(
      coalesce(
        nullif(btrim(new.raw_user_meta_data ->> 'display_name'), ''),
        nullif(btrim(new.raw_user_meta_data ->> 'full_name'), ''),
        nullif(btrim(new.raw_user_meta_data ->> 'name'), ''),
        nullif(btrim(split_part(new.email, '@', 1)), ''),
        'New user'
      ),
      80
    )
  );
  return new;
end;
$$;

revoke all on function private.handle_new_user() from public;

create trigger on_auth_user_created
  after insert on auth.users
  for each row execute function private.handle_new_user();
