-- Avatars for public.profiles.avatar_path: a public-read bucket (avatars show next to names
-- everywhere, including to other users), written only by each user under their own folder:
-- objects are '<user id>/<file>', and profiles.avatar_path holds that object name.

insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values ('avatars', 'avatars', true, 1048576, array['image/webp', 'image/jpeg', 'image/png'])
on conflict (id) do update
  set public = excluded.public,
      file_size_limit = excluded.file_size_limit,
      allowed_mime_types = excluded.allowed_mime_types;

-- Listing and upserts go through storage.objects, so owners need select too; anyone may fetch
-- a file through the bucket's public URL, which does not consult these policies.
create policy "users can list their own avatars"
  on storage.objects for select
  to authenticated
  using (bucket_id = 'avatars' and (storage.foldername(name))[1] = (select auth.uid())::text);

create policy "users can upload avatars to their own folder"
  on storage.objects for insert
  to authenticated
  with check (bucket_id = 'avatars' and (storage.foldername(name))[1] = (select auth.uid())::text);

create policy "users can replace their own avatars"
  on storage.objects for update
  to authenticated
  using (bucket_id = 'avatars' and (storage.foldername(name))[1] = (select auth.uid())::text)
  with check (bucket_id = 'avatars' and (storage.foldername(name))[1] = (select auth.uid())::text);

create policy "users can delete their own avatars"
  on storage.objects for delete
  to authenticated
  using (bucket_id = 'avatars' and (storage.foldername(name))[1] = (select auth.uid())::text);

-- An avatar path names an object in the user's own avatars folder, or nothing.
alter table public.profiles
  add constraint profiles_avatar_path_in_own_folder
  check (avatar_path is null or split_part(avatar_path, '/', 1) = id::text);
