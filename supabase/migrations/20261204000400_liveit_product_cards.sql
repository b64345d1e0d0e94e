-- One row per product for catalogue pages: price range, stock left, the first image and the
-- rating, so the app can filter (category, search), sort (name, newest, price, rating) and
-- page over REST in one query. security_invoker: the caller's RLS decides which products show
-- (active ones; admins all).
create view public.liveit_product_cards
with (security_invoker = true)
as
select
  p.id,
  p.slug,
  p.name,
  p.status,
  p.category_id,
  c.slug as category_slug,
  p.created_at,
  v.min_price_cents,
  v.max_price_cents,
  coalesce(v.stock_available, 0) as stock_available,
  i.storage_path as image_path,
  i.alt as image_alt,
  i.widths as image_widths,
  r.average_rating,
  coalesce(r.review_count, 0) as review_count
from public.liveit_products p
join public.liveit_categories c on c.id = p.category_id
left join lateral (
  select min(x.price_cents) as min_price_cents, max(x.price_cents) as max_price_cents,
         sum(x.stock_available)::integer as stock_available
  from public.liveit_variants x where x.product_id = p.id
) v on true
left join lateral (
  select im.storage_path, im.alt, im.widths from public.liveit_product_images im
  where im.product_id = p.id order by im.position, im.created_at limit 1
) i on true
left join public.liveit_product_ratings r on r.product_id = p.id;

comment on view public.liveit_product_cards is
  'Catalogue cards: a product with its price range, stock left, first image and rating (RLS of the caller).';

revoke all on table public.liveit_product_cards from anon, authenticated, service_role;
grant select on table public.liveit_product_cards to anon, authenticated, service_role;
