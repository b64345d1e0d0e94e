-- REPZ coaching: invite acceptance, coach–client messages (delivered live through Realtime)
-- and private progress photos readable by the owner and the owner's active coach.

-- Whether the caller and `other` are the two sides of an active coaching link.
create or replace function private.in_active_pair(other uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1
    from public.repz_coach_links l
    where l.status = 'active'
      and ((l.coach_id = (select auth.uid()) and l.client_id = other)
        or (l.client_id = (select auth.uid()) and l.coach_id = other))
  );
$$;

revoke all on function private.in_active_pair(uuid) from public;
grant execute on function private.in_active_pair(uuid) to authenticated;

create table public.repz_messages (
  id uuid primary key default gen_random_uuid(),
  sender_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  recipient_id uuid not null references auth.users (id) on delete cascade,
  body text not null
    constraint repz_messages_body_length check (char_length(btrim(body)) between 1 and 4000),
  sent_at timestamptz not null default now(),
  read_at timestamptz,
  constraint repz_messages_not_to_self check (sender_id <> recipient_id)
);

comment on table public.repz_messages is 'Messages between the two sides of an active coaching link.';

alter table public.repz_messages enable row level security;

-- A conversation is read in both directions, newest last.
create index repz_messages_sender_recipient_sent_idx on public.repz_messages (sender_id, recipient_id, sent_at);
create index repz_messages_recipient_sent_idx on public.repz_messages (recipient_id, sent_at);

revoke all on table public.repz_messages from anon, authenticated, service_role;
grant select on table public.repz_messages to authenticated;
grant insert (id, sender_id, recipient_id, body) on table public.repz_messages to authenticated;
-- The recipient may only mark a message read.
grant update (read_at) on table public.repz_messages to authenticated;
grant select, insert, update, delete on table public.repz_messages to service_role;

create policy "participants can read their messages"
  on public.repz_messages for select
  to authenticated
  using ((select auth.uid()) in (sender_id, recipient_id));

create policy "active coaching pairs can send messages"
  on public.repz_messages for insert
  to authenticated
  with check (sender_id = (select auth.uid()) and private.in_active_pair(recipient_id));

create policy "recipients can mark messages read"
  on public.repz_messages for update
  to authenticated
  using (recipient_id = (select auth.uid()))
  with check (recipient_id = (select auth.uid()));

alter publication supabase_realtime add table public.repz_messages;

-- Accepts a coach's invite for the calling user. Security definer because the client cannot read
-- a pending link (it is not theirs yet); every rule is checked here and a clear error raised:
-- 'P0002' unknown code, '22023' expired or already used or self-invite, '23505' already linked.
create or replace function public.repz_accept_invite(code text)
returns public.repz_coach_links
language plpgsql
security definer
set search_path = ''
as $$
declare
  caller uuid := (select auth.uid());
  link public.repz_coach_links;
begin
  if caller is null then
    raise exception 'sign in to accept an invite' using errcode = '42501';
  end if;

  select * into link
  from public.repz_coach_links l
  where l.invite_code = upper(btrim(code))
  for update;

  if not found then
    raise exception 'invite code not found' using errcode = 'P0002', hint = 'code';
  end if;
  if link.status <> 'pending' then
    raise exception 'invite code has already been used' using errcode = '22023', hint = 'code';
  end if;
  if link.invite_expires_at <= now() then
    raise exception 'invite code has expired' using errcode = '22023', hint = 'code';
  end if;
  if link.coach_id = caller then
    raise exception 'you cannot accept your own invite' using errcode = '22023', hint = 'code';
  end if;
  if exists (
    select 1 from public.repz_coach_links l
    where l.coach_id = link.coach_id and l.client_id = caller and l.status = 'active'
  ) then
    raise exception 'you are already coached by this coach' using errcode = '23505', hint = 'code';
  end if;

  update public.repz_coach_links
  set client_id = caller, status = 'active', accepted_at = now()
  where id = link.id
  returning * into link;

  return link;
end;
$$;

revoke all on function public.repz_accept_invite(text) from public, anon;
grant execute on function public.repz_accept_invite(text) to authenticated;

-- Progress photos: private bucket, objects under '<owner id>/...'. The owner writes and deletes;
-- the owner and the owner's active coach read. Anything not under a UUID folder is refused.
insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values ('repz-progress-photos', 'repz-progress-photos', false, 5242880,
        array['image/webp', 'image/jpeg', 'image/png'])
on conflict (id) do update
  set public = excluded.public,
      file_size_limit = excluded.file_size_limit,
      allowed_mime_types = excluded.allowed_mime_types;

-- The owner a progress-photo path belongs to, or null when the path's first folder is not a UUID.
create or replace function private.photo_owner(object_name text)
returns uuid
language sql
immutable
set search_path = ''
as $$
  select case
    when split_part(object_name, '/', 1) ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
      then split_part(object_name, '/', 1)::uuid
  end;
$$;

revoke all on function private.photo_owner(text) from public;
grant execute on function private.photo_owner(text) to authenticated;

create policy "owners and their active coach can read progress photos"
  on storage.objects for select
  to authenticated
  using (
    bucket_id = 'repz-progress-photos'
    and (private.photo_owner(name) = (select auth.uid()) or private.photo_owner(name) in (select private.coached_client_ids()))
  );

create policy "owners can upload progress photos"
  on storage.objects for insert
  to authenticated
  with check (bucket_id = 'repz-progress-photos' and private.photo_owner(name) = (select auth.uid()));

create policy "owners can replace progress photos"
  on storage.objects for update
  to authenticated
  using (bucket_id = 'repz-progress-photos' and private.photo_owner(name) = (select auth.uid()))
  with check (bucket_id = 'repz-progress-photos' and private.photo_owner(name) = (select auth.uid()));

create policy "owners can delete progress photos"
  on storage.objects for delete
  to authenticated
  using (bucket_id = 'repz-progress-photos' and private.photo_owner(name) = (select auth.uid()));
