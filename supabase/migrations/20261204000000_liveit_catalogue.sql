-- LiveIt catalogue: categories, products, their images (public bucket liveit-product-images)
-- and variants with stock. Anyone (anon included) reads the active catalogue; only admins
-- (public.is_admin(), from the JWT's app_metadata) write it. Stock has two counters: on hand
-- and reserved by unpaid checkouts; `stock_reserved` is written only by the security-definer
-- functions of 20261204000200 (no API role has the column privilege), so a hold cannot be
-- forged or dropped over REST.

create table public.liveit_categories (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique
    constraint liveit_categories_slug_format check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 80),
  name text not null constraint liveit_categories_name_length check (length(btrim(name)) between 1 and 120),
  description text not null default '' constraint liveit_categories_description_length check (length(description) <= 2000),
  position integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

comment on table public.liveit_categories is 'LiveIt catalogue sections (apparel, accessories, …), ordered by position.';

create table public.liveit_products (
  id uuid primary key default gen_random_uuid(),
  category_id uuid not null references public.liveit_categories (id) on delete restrict,
  slug text not null unique
    constraint liveit_products_slug_format check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 80),
  name text not null constraint liveit_products_name_length check (length(btrim(name)) between 1 and 120),
  description text not null default '' constraint liveit_products_description_length check (length(description) <= 5000),
  status text not null default 'draft'
    constraint liveit_products_status_valid check (status in ('draft', 'active', 'archived')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

comment on table public.liveit_products is 'LiveIt products; only status active is visible to shoppers.';

-- The catalogue page filters active products by category and sorts by name or date.
create index liveit_products_category_status_idx on public.liveit_products (category_id, status, name);
create index liveit_products_status_created_idx on public.liveit_products (status, created_at desc);

create table public.liveit_product_images (
  id uuid primary key default gen_random_uuid(),
  product_id uuid not null references public.liveit_products (id) on delete cascade,
  -- Object name in the liveit-product-images bucket: '<product slug>/<file>'.
  storage_path text not null unique
    constraint liveit_product_images_path_format check (storage_path ~ '^[a-z0-9-]+/[A-Za-z0-9._-]+\.(webp|avif|jpg|jpeg|png)$'),
  alt text not null constraint liveit_product_images_alt_length check (length(btrim(alt)) between 1 and 300),
  position integer not null default 0 constraint liveit_product_images_position_range check (position between 0 and 100),
  -- Widths the image was also rendered at, as '<path without extension>-<width>.avif|webp'.
  widths integer[] not null default '{}'
    constraint liveit_product_images_widths_valid check (0 < all (widths) and cardinality(widths) <= 8),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create index liveit_product_images_product_idx on public.liveit_product_images (product_id, position);

create table public.liveit_variants (
  id uuid primary key default gen_random_uuid(),
  product_id uuid not null references public.liveit_products (id) on delete cascade,
  sku text not null unique constraint liveit_variants_sku_format check (sku ~ '^[A-Z0-9][A-Z0-9-]{1,39}$'),
  size text constraint liveit_variants_size_length check (length(size) between 1 and 20),
  colour text constraint liveit_variants_colour_length check (length(colour) between 1 and 40),
  price_cents integer not null constraint liveit_variants_price_positive check (price_cents > 0),
  stock_on_hand integer not null default 0 constraint liveit_variants_on_hand_nonnegative check (stock_on_hand >= 0),
  stock_reserved integer not null default 0 constraint liveit_variants_reserved_nonnegative check (stock_reserved >= 0),
  -- What a shopper may still buy; published with every stock change for live counts.
  stock_available integer generated always as (stock_on_hand - stock_reserved) stored,
  position integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint liveit_variants_reserved_within_on_hand check (stock_reserved <= stock_on_hand),
  constraint liveit_variants_options_unique unique nulls not distinct (product_id, size, colour)
);

comment on column public.liveit_variants.stock_reserved is
  'Units held by unpaid checkouts (liveit_orders.reserved_until); written only by the liveit_* SQL functions.';

create index liveit_variants_product_idx on public.liveit_variants (product_id, position);

create trigger set_updated_at before update on public.liveit_categories
  for each row execute function private.set_updated_at();
create trigger set_updated_at before update on public.liveit_products
  for each row execute function private.set_updated_at();
create trigger set_updated_at before update on public.liveit_product_images
  for each row execute function private.set_updated_at();
create trigger set_updated_at before update on public.liveit_variants
  for each row execute function private.set_updated_at();

-- Grants: everyone reads; authenticated may write (RLS lets only admins); never stock_reserved.
alter table public.liveit_categories enable row level security;
alter table public.liveit_products enable row level security;
alter table public.liveit_product_images enable row level security;
alter table public.liveit_variants enable row level security;

revoke all on table public.liveit_categories, public.liveit_products, public.liveit_product_images,
  public.liveit_variants from anon, authenticated, service_role;
grant select on table public.liveit_categories, public.liveit_products, public.liveit_product_images,
  public.liveit_variants to anon, authenticated;
grant all on table public.liveit_categories, public.liveit_products, public.liveit_product_images,
  public.liveit_variants to service_role;
grant insert (slug, name, description, position), update (slug, name, description, position), delete
  on table public.liveit_categories to authenticated;
grant insert (category_id, slug, name, description, status), update (category_id, slug, name, description, status), delete
  on table public.liveit_products to authenticated;
grant insert (product_id, storage_path, alt, position, widths), update (alt, position, widths), delete
  on table public.liveit_product_images to authenticated;
grant insert (product_id, sku, size, colour, price_cents, stock_on_hand, position),
  update (sku, size, colour, price_cents, stock_on_hand, position), delete
  on table public.liveit_variants to authenticated;

-- Categories
create policy "anyone can read categories" on public.liveit_categories
  for select to anon using (true);
create policy "signed-in users can read categories" on public.liveit_categories
  for select to authenticated using (true);
create policy "admins can add categories" on public.liveit_categories
  for insert to authenticated with check ((select public.is_admin()));
create policy "admins can edit categories" on public.liveit_categories
  for update to authenticated using ((select public.is_admin())) with check ((select public.is_admin()));
create policy "admins can delete categories" on public.liveit_categories
  for delete to authenticated using ((select public.is_admin()));

-- Products: shoppers see active ones; admins see drafts and archived too.
create policy "anyone can read active products" on public.liveit_products
  for select to anon using (status = 'active');
create policy "signed-in users can read active products, admins all" on public.liveit_products
  for select to authenticated using (status = 'active' or (select public.is_admin()));
create policy "admins can add products" on public.liveit_products
  for insert to authenticated with check ((select public.is_admin()));
create policy "admins can edit products" on public.liveit_products
  for update to authenticated using ((select public.is_admin())) with check ((select public.is_admin()));
create policy "admins can delete products" on public.liveit_products
  for delete to authenticated using ((select public.is_admin()));

-- Images and variants follow their product's visibility.
create policy "anyone can read images of active products" on public.liveit_product_images
  for select to anon
  using (exists (select 1 from public.liveit_products p where p.id = product_id and p.status = 'active'));
create policy "signed-in users can read images of active products, admins all" on public.liveit_product_images
  for select to authenticated
  using ((select public.is_admin())
    or exists (select 1 from public.liveit_products p where p.id = product_id and p.status = 'active'));
create policy "admins can add images" on public.liveit_product_images
  for insert to authenticated with check ((select public.is_admin()));
create policy "admins can edit images" on public.liveit_product_images
  for update to authenticated using ((select public.is_admin())) with check ((select public.is_admin()));
create policy "admins can delete images" on public.liveit_product_images
  for delete to authenticated using ((select public.is_admin()));

create policy "anyone can read variants of active products" on public.liveit_variants
  for select to anon
  using (exists (select 1 from public.liveit_products p where p.id = product_id and p.status = 'active'));
create policy "signed-in users can read variants of active products, admins all" on public.liveit_variants
  for select to authenticated
  using ((select public.is_admin())
    or exists (select 1 from public.liveit_products p where p.id = product_id and p.status = 'active'));
create policy "admins can add variants" on public.liveit_variants
  for insert to authenticated with check ((select public.is_admin()));
create policy "admins can edit variants and stock" on public.liveit_variants
  for update to authenticated using ((select public.is_admin())) with check ((select public.is_admin()));
create policy "admins can delete variants" on public.liveit_variants
  for delete to authenticated using ((select public.is_admin()));

-- Live stock: product pages subscribe to UPDATEs of their variants.
alter publication supabase_realtime add table public.liveit_variants;

-- Product images: public to read (the CDN URL needs no policy), written only by admins.
insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values ('liveit-product-images', 'liveit-product-images', true, 5242880,
        array['image/webp', 'image/avif', 'image/jpeg', 'image/png'])
on conflict (id) do update
  set public = excluded.public,
      file_size_limit = excluded.file_size_limit,
      allowed_mime_types = excluded.allowed_mime_types;

create policy "admins can list product images" on storage.objects
  for select to authenticated
  using (bucket_id = 'liveit-product-images' and (select public.is_admin()));
create policy "admins can upload product images" on storage.objects
  for insert to authenticated
  with check (bucket_id = 'liveit-product-images' and (select public.is_admin()));
create policy "admins can replace product images" on storage.objects
  for update to authenticated
  using (bucket_id = 'liveit-product-images' and (select public.is_admin()))
  with check (bucket_id = 'liveit-product-images' and (select public.is_admin()));
create policy "admins can delete product images" on storage.objects
  for delete to authenticated
  using (bucket_id = 'liveit-product-images' and (select public.is_admin()));
