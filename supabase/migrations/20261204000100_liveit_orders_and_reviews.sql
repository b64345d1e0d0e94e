-- LiveIt carts, orders and reviews.
--
-- * Carts belong to signed-in customers (guest carts live in the browser and are merged at
--   sign-in by liveit_merge_cart); customers edit their own cart over REST.
-- * Orders and their lines are read-only over REST (own orders; admins all). They are written
--   only by the security-definer functions in 20261204000200, called by liveit-api and
--   liveit-webhooks with the service role, which take prices from the variants. The money rules
--   (shipping 1500 under 10000, 8 % tax half-up) are check constraints, so no write can break them.
-- * Reviews: one per customer per product, written through liveit-api (verified purchase);
--   per-product stats kept by a trigger, readable by anyone.

create table public.liveit_cart_items (
  customer_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  variant_id uuid not null references public.liveit_variants (id) on delete cascade,
  quantity integer not null constraint liveit_cart_items_quantity_range check (quantity between 1 and 99),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (customer_id, variant_id)
);

create index liveit_cart_items_variant_idx on public.liveit_cart_items (variant_id);
create trigger set_updated_at before update on public.liveit_cart_items
  for each row execute function private.set_updated_at();

alter table public.liveit_cart_items enable row level security;
revoke all on table public.liveit_cart_items from anon, authenticated, service_role;
grant select, delete on table public.liveit_cart_items to authenticated;
grant insert (variant_id, quantity), update (quantity) on table public.liveit_cart_items to authenticated;
grant all on table public.liveit_cart_items to service_role;

create policy "customers can read their cart" on public.liveit_cart_items
  for select to authenticated using (customer_id = (select auth.uid()));
create policy "customers can add to their cart" on public.liveit_cart_items
  for insert to authenticated with check (customer_id = (select auth.uid()));
create policy "customers can change their cart" on public.liveit_cart_items
  for update to authenticated
  using (customer_id = (select auth.uid())) with check (customer_id = (select auth.uid()));
create policy "customers can remove from their cart" on public.liveit_cart_items
  for delete to authenticated using (customer_id = (select auth.uid()));

-- Human order numbers LII-<year>-<sequence>: one sequence for all years, so numbers are unique
-- and increase with time.
create sequence public.liveit_order_number_seq as bigint;
revoke all on sequence public.liveit_order_number_seq from anon, authenticated;

create table public.liveit_orders (
  id uuid primary key default gen_random_uuid(),
  order_number text not null unique
    default 'LII-' || to_char(now() at time zone 'utc', 'YYYY') || '-'
      || lpad(nextval('public.liveit_order_number_seq')::text, 6, '0')
    constraint liveit_orders_number_format check (order_number ~ '^LII-[0-9]{4}-[0-9]{6,}$'),
  customer_id uuid not null references auth.users (id) on delete cascade,
  status text not null default 'pending_payment'
    constraint liveit_orders_status_valid check (status in ('pending_payment', 'paid', 'fulfilled', 'shipped', 'cancelled')),
  currency text not null default 'usd' constraint liveit_orders_currency_valid check (currency ~ '^[a-z]{3}$'),
  subtotal_cents integer not null constraint liveit_orders_subtotal_positive check (subtotal_cents > 0),
  shipping_cents integer not null,
  tax_cents integer not null,
  total_cents integer not null,
  shipping_address jsonb not null
    constraint liveit_orders_address_valid check (
      jsonb_typeof(shipping_address) = 'object'
      and length(btrim(shipping_address ->> 'name')) > 0
      and length(btrim(shipping_address ->> 'line1')) > 0
      and length(btrim(shipping_address ->> 'city')) > 0
      and length(btrim(shipping_address ->> 'postal_code')) > 0
      and (shipping_address ->> 'country') ~ '^[A-Z]{2}$'),
  -- While pending_payment: until when the stock is held. Null once paid or cancelled.
  reserved_until timestamptz,
  payment_provider text constraint liveit_orders_provider_valid check (payment_provider in ('stripe', 'test')),
  -- Stripe Checkout Session id (or the test session id); set when the session is made.
  payment_reference text unique,
  paid_at timestamptz,
  fulfilled_at timestamptz,
  shipped_at timestamptz,
  cancelled_at timestamptz,
  cancel_reason text constraint liveit_orders_cancel_reason_valid
    check (cancel_reason in ('customer', 'admin', 'expired', 'payment_expired')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint liveit_orders_shipping_rule
    check (shipping_cents = case when subtotal_cents < 10000 then 1500 else 0 end),
  constraint liveit_orders_tax_rule check (tax_cents = (subtotal_cents::bigint * 800 + 5000) / 10000),
  constraint liveit_orders_total_rule check (total_cents = subtotal_cents + shipping_cents + tax_cents),
  constraint liveit_orders_hold_while_pending
    check ((status = 'pending_payment') = (reserved_until is not null)),
  constraint liveit_orders_paid_stamped check (status in ('pending_payment', 'cancelled') or paid_at is not null)
);

comment on table public.liveit_orders is
  'LiveIt orders. Written only by the liveit_* security-definer functions (liveit-api, liveit-webhooks).';

create index liveit_orders_customer_created_idx on public.liveit_orders (customer_id, created_at desc);
create index liveit_orders_status_created_idx on public.liveit_orders (status, created_at desc);
-- The release of expired holds looks only at pending orders.
create index liveit_orders_pending_hold_idx on public.liveit_orders (reserved_until)
  where status = 'pending_payment';

create trigger set_updated_at before update on public.liveit_orders
  for each row execute function private.set_updated_at();

create table public.liveit_order_items (
  id uuid primary key default gen_random_uuid(),
  order_id uuid not null references public.liveit_orders (id) on delete cascade,
  -- Denormalised from the order so the policy needs no join. No foreign key of its own: lines
  -- go with their order (order_id), whose delete trigger first gives back any stock it holds.
  customer_id uuid not null,
  variant_id uuid references public.liveit_variants (id) on delete set null,
  product_id uuid references public.liveit_products (id) on delete set null,
  -- Snapshots: what was bought, at what price, whatever the catalogue says later.
  sku text not null,
  product_name text not null,
  variant_label text not null,
  unit_price_cents integer not null constraint liveit_order_items_price_positive check (unit_price_cents > 0),
  quantity integer not null constraint liveit_order_items_quantity_range check (quantity between 1 and 99),
  line_total_cents integer generated always as (unit_price_cents * quantity) stored,
  position integer not null,
  created_at timestamptz not null default now(),
  unique (order_id, position)
);

create index liveit_order_items_customer_idx on public.liveit_order_items (customer_id, product_id);
create index liveit_order_items_variant_idx on public.liveit_order_items (variant_id);
create index liveit_order_items_product_idx on public.liveit_order_items (product_id);

alter table public.liveit_orders enable row level security;
alter table public.liveit_order_items enable row level security;
revoke all on table public.liveit_orders, public.liveit_order_items from anon, authenticated, service_role;
grant select on table public.liveit_orders, public.liveit_order_items to authenticated;
grant all on table public.liveit_orders, public.liveit_order_items to service_role;
revoke all on sequence public.liveit_order_number_seq from service_role;
grant usage on sequence public.liveit_order_number_seq to service_role;

create policy "customers read their orders, admins all" on public.liveit_orders
  for select to authenticated
  using (customer_id = (select auth.uid()) or (select public.is_admin()));
create policy "customers read their order lines, admins all" on public.liveit_order_items
  for select to authenticated
  using (customer_id = (select auth.uid()) or (select public.is_admin()));

-- Stripe (and test) events already handled, so a redelivered event changes nothing.
create table private.liveit_payment_events (
  event_id text primary key,
  type text not null,
  order_id uuid references public.liveit_orders (id) on delete set null,
  outcome text not null,
  received_at timestamptz not null default now()
);
create index liveit_payment_events_order_idx on private.liveit_payment_events (order_id);
alter table private.liveit_payment_events enable row level security;
revoke all on table private.liveit_payment_events from public, anon, authenticated, service_role;

create table public.liveit_reviews (
  id uuid primary key default gen_random_uuid(),
  product_id uuid not null references public.liveit_products (id) on delete cascade,
  customer_id uuid not null references auth.users (id) on delete cascade,
  -- The name shown with the review, copied from the profile when it is written.
  author_name text not null constraint liveit_reviews_author_length check (length(btrim(author_name)) between 1 and 120),
  rating smallint not null constraint liveit_reviews_rating_range check (rating between 1 and 5),
  title text not null constraint liveit_reviews_title_length check (length(btrim(title)) between 1 and 120),
  body text not null default '' constraint liveit_reviews_body_length check (length(body) <= 4000),
  verified_purchase boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint liveit_reviews_one_per_customer unique (customer_id, product_id)
);

create index liveit_reviews_product_created_idx on public.liveit_reviews (product_id, created_at desc);
create trigger set_updated_at before update on public.liveit_reviews
  for each row execute function private.set_updated_at();

alter table public.liveit_reviews enable row level security;
revoke all on table public.liveit_reviews from anon, authenticated, service_role;
grant select on table public.liveit_reviews to anon, authenticated;
-- Customers may edit or withdraw their own review; writing one goes through liveit-api.
grant update (rating, title, body), delete on table public.liveit_reviews to authenticated;
grant all on table public.liveit_reviews to service_role;

create policy "anyone can read reviews" on public.liveit_reviews for select to anon using (true);
create policy "signed-in users can read reviews" on public.liveit_reviews for select to authenticated using (true);
create policy "customers can edit their review" on public.liveit_reviews
  for update to authenticated
  using (customer_id = (select auth.uid())) with check (customer_id = (select auth.uid()));
create policy "customers delete their review, admins any" on public.liveit_reviews
  for delete to authenticated using (customer_id = (select auth.uid()) or (select public.is_admin()));

-- Per-product rating stats, kept current by the trigger below so product pages read one row.
create table public.liveit_product_ratings (
  product_id uuid primary key references public.liveit_products (id) on delete cascade,
  review_count integer not null default 0 check (review_count >= 0),
  rating_sum integer not null default 0 check (rating_sum >= 0),
  average_rating numeric(3, 2) generated always as
    (case when review_count = 0 then null else round(rating_sum::numeric / review_count, 2) end) stored,
  count_1 integer not null default 0 check (count_1 >= 0),
  count_2 integer not null default 0 check (count_2 >= 0),
  count_3 integer not null default 0 check (count_3 >= 0),
  count_4 integer not null default 0 check (count_4 >= 0),
  count_5 integer not null default 0 check (count_5 >= 0),
  updated_at timestamptz not null default now(),
  constraint liveit_product_ratings_histogram_sums
    check (count_1 + count_2 + count_3 + count_4 + count_5 = review_count)
);

create trigger set_updated_at before update on public.liveit_product_ratings
  for each row execute function private.set_updated_at();

alter table public.liveit_product_ratings enable row level security;
revoke all on table public.liveit_product_ratings from anon, authenticated, service_role;
grant select on table public.liveit_product_ratings to anon, authenticated;
grant select on table public.liveit_product_ratings to service_role;
create policy "anyone can read rating stats" on public.liveit_product_ratings for select to anon using (true);
create policy "signed-in users can read rating stats" on public.liveit_product_ratings
  for select to authenticated using (true);

-- Adds (sign = 1) or removes (sign = -1) one review of `stars` in a product's stats. Removal
-- only updates: when the product itself is being deleted its stats row is already gone.
create or replace function private.liveit_count_rating(product uuid, stars integer, sign integer)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  if sign > 0 then
    insert into public.liveit_product_ratings as r (product_id) values (product)
    on conflict (product_id) do nothing;
  end if;
  update public.liveit_product_ratings r set
    review_count = r.review_count + sign,
    rating_sum = r.rating_sum + sign * stars,
    count_1 = r.count_1 + case when stars = 1 then sign else 0 end,
    count_2 = r.count_2 + case when stars = 2 then sign else 0 end,
    count_3 = r.count_3 + case when stars = 3 then sign else 0 end,
    count_4 = r.count_4 + case when stars = 4 then sign else 0 end,
    count_5 = r.count_5 + case when stars = 5 then sign else 0 end
  where r.product_id = product;
end;
$$;

create or replace function private.liveit_reviews_maintain_ratings()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform private.liveit_count_rating(old.product_id, old.rating, -1);
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    perform private.liveit_count_rating(new.product_id, new.rating, 1);
  end if;
  return null;
end;
$$;

revoke all on function private.liveit_count_rating(uuid, integer, integer) from public;
revoke all on function private.liveit_reviews_maintain_ratings() from public;

create trigger maintain_ratings after insert or update of rating or delete on public.liveit_reviews
  for each row execute function private.liveit_reviews_maintain_ratings();

-- Rating stats changes are published too, so open product pages follow new reviews.
alter publication supabase_realtime add table public.liveit_product_ratings;
