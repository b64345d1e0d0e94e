-- profiles go back to owner-only: the shared table's access no longer depends on a REPZ table.
-- REPZ shows a coaching partner's display name through its own function instead, which returns
-- the names (and nothing else of the profile) of the caller's active partners only.

drop policy "users can read their own profile and their coaching partners'" on public.profiles;

create policy "users can read their own profile"
  on public.profiles for select
  to authenticated
  using ((select auth.uid()) = id);

-- Security definer: the caller cannot read a partner's profile row; the link check is here.
create or replace function public.repz_partner_names()
returns table (partner_id uuid, display_name text)
language sql
stable
security definer
set search_path = ''
as $$
  select p.id, p.display_name
  from public.profiles p
  where p.id in (select private.coaching_partner_ids())
  order by p.display_name, p.id;
$$;

comment on function public.repz_partner_names() is
  'Display names of the users on the other side of the caller''s active REPZ coaching links.';

revoke all on function public.repz_partner_names() from public, anon;
grant execute on function public.repz_partner_names() to authenticated;
