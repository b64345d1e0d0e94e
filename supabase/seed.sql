-- Demo data for local development and previews: NEVER run against production.
--
-- Demo accounts (all with the password `password123`, see supabase/README.md):
--   demo@example.com    a regular user with one project in each app
--   coach@example.com   a second regular user (REPZ coach persona)
--   client@example.com  a third regular user (REPZ client persona)
--   admin@example.com   app_metadata.role = 'admin', so public.is_admin() is true
--
-- Rows carry every column GoTrue reads when signing in (it rejects NULL token strings), plus
-- one `email` identity each. Profiles are not inserted here: the signup trigger creates them.

with demo (id, email, display_name, app_role) as (
  values
    ('00000000-0000-4000-8000-000000000001'::uuid, 'demo@example.com', 'Demo User', null),
    ('00000000-0000-4000-8000-000000000002'::uuid, 'coach@example.com', 'Casey Coach', null),
    ('00000000-0000-4000-8000-000000000003'::uuid, 'client@example.com', 'Riley Client', null),
    ('00000000-0000-4000-8000-000000000004'::uuid, 'admin@example.com', 'Avery Admin', 'admin')
),
new_users as (
  insert into auth.users (
    instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
    raw_app_meta_data, raw_user_meta_data, created_at, updated_at,
    confirmation_token, recovery_token, email_change_token_new, email_change
  )
  select
    '00000000-0000-0000-0000-000000000000'::uuid,
    demo.id,
    'authenticated',
    'authenticated',
    demo.email,
    extensions.crypt('password123', extensions.gen_salt('bf', 10)),
    now(),
    jsonb_strip_nulls(jsonb_build_object(
      'provider', 'email',
      'providers', jsonb_build_array('email'),
      'role', demo.app_role
    )),
    jsonb_build_object('display_name', demo.display_name),
    now(),
    now(),
    '', '', '', ''
  from demo
  on conflict (id) do nothing
  returning id, email
)
insert into auth.identities (
  provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at
)
select
  new_users.id::text,
  new_users.id,
  jsonb_build_object('sub', new_users.id::text, 'email', new_users.email, 'email_verified', true),
  'email',
  now(),
  now(),
  now()
from new_users;

insert into public.projects (owner_id, app, name, description)
values
  ('00000000-0000-4000-8000-000000000001', 'simcore', 'Ising phase transition', 'Critical temperature sweep on a 64x64 lattice.'),
  ('00000000-0000-4000-8000-000000000001', 'repz', 'Spring strength block', 'Eight weeks of upper/lower training.'),
  ('00000000-0000-4000-8000-000000000001', 'qmlab', 'Bell states', 'Entanglement circuits and their histograms.'),
  ('00000000-0000-4000-8000-000000000001', 'liveit', 'Summer wishlist', null);
