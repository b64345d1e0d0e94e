-- Coach and client see each other's profile (display name), so REPZ can show "Coach Ada" rather
-- than an id. The profiles select policy is replaced by one that adds this case, keeping one
-- policy per operation and role; nothing else about profiles changes.

-- The users on the other side of the caller's active coaching links, in both directions.
create or replace function private.coaching_partner_ids()
returns setof uuid
language sql
stable
security definer
set search_path = ''
as $$
  select case when l.coach_id = (select auth.uid()) then l.client_id else l.coach_id end
  from public.repz_coach_links l
  where l.status = 'active' and (select auth.uid()) in (l.coach_id, l.client_id);
$$;

revoke all on function private.coaching_partner_ids() from public;
grant execute on function private.coaching_partner_ids() to authenticated;

drop policy "users can read their own profile" on public.profiles;

create policy "users can read their own profile and their coaching partners'"
  on public.profiles for select
  to authenticated
  using ((select auth.uid()) = id or id in (select private.coaching_partner_ids()));
