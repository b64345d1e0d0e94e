-- The SQL behind liveit-api and liveit-webhooks: checkout with an all-or-nothing stock hold,
-- cancellation, expiry, payment, status moves, stock adjustment, cart merge and reviews.
--
-- Concurrency rules, so stock_reserved <= stock_on_hand holds under any interleaving and no
-- two transactions deadlock:
--   1. lock orders first — one's own order with FOR UPDATE, or expired ones with SKIP LOCKED;
--   2. then lock every variant the transaction will touch in ONE statement, ordered by id
--      (`private.liveit_lock_variants`), and only then read stock and write.
-- Every variant write happens after step 2, so availability is read from locked, current rows.
--
-- Errors carry a LiveIt SQLSTATE the API maps to its answer, and the offending field in HINT:
--   LI409 out_of_stock (DETAIL: {"variant_id", "available"}), LI422 variant_unavailable,
--   LI410 invalid_transition, LI403 not_purchased, P0002 not found.
-- Writes of orders are granted to service_role only: liveit-api calls them with the service
-- key after authenticating the user, so nobody writes orders or prices over REST.

-- Locks the given variants in id order (the one global order, see above).
create or replace function private.liveit_lock_variants(ids uuid[])
returns void
language sql
set search_path = ''
as $$
  select null from (
    select v.id from public.liveit_variants v where v.id = any (ids) order by v.id for update
  ) locked;
$$;

-- Gives back the stock held by the pending ones of `order_ids` (already locked by the caller).
create or replace function private.liveit_return_held_stock(order_ids uuid[])
returns void
language plpgsql
set search_path = ''
as $$
begin
  perform private.liveit_lock_variants(array(
    select distinct i.variant_id from public.liveit_order_items i
    where i.order_id = any (order_ids) and i.variant_id is not null));
  update public.liveit_variants v
  set stock_reserved = v.stock_reserved - held.quantity
  from (
    select i.variant_id, sum(i.quantity)::integer as quantity
    from public.liveit_order_items i
    join public.liveit_orders o on o.id = i.order_id and o.status = 'pending_payment'
    where i.order_id = any (order_ids) and i.variant_id is not null
    group by i.variant_id
  ) held
  where v.id = held.variant_id;
end;
$$;

-- Gives back the stock held by pending orders the caller has already locked, and cancels them.
create or replace function private.liveit_release_holds(order_ids uuid[], reason text)
returns void
language plpgsql
set search_path = ''
as $$
begin
  if coalesce(cardinality(order_ids), 0) = 0 then
    return;
  end if;
  perform private.liveit_return_held_stock(order_ids);
  update public.liveit_orders o
  set status = 'cancelled', reserved_until = null, cancelled_at = now(), cancel_reason = reason
  where o.id = any (order_ids) and o.status = 'pending_payment';
end;
$$;

-- An order deleted while it holds stock (its customer's account deleted, a checkout abandoned)
-- gives the stock back first, so no hold outlives its order.
create or replace function private.liveit_orders_release_on_delete()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.liveit_return_held_stock(array[old.id]);
  return old;
end;
$$;

revoke all on function private.liveit_orders_release_on_delete() from public;

create trigger release_holds_on_delete before delete on public.liveit_orders
  for each row when (old.status = 'pending_payment')
  execute function private.liveit_orders_release_on_delete();

-- Locks (skipping any another transaction holds) and returns pending orders whose hold ran out.
create or replace function private.liveit_lock_expired_orders(max_orders integer)
returns uuid[]
language sql
set search_path = ''
as $$
  select coalesce(array_agg(e.id), '{}') from (
    select o.id from public.liveit_orders o
    where o.status = 'pending_payment' and o.reserved_until <= now()
    order by o.reserved_until
    limit max_orders
    for update skip locked
  ) e;
$$;

revoke all on function private.liveit_lock_variants(uuid[]) from public;
revoke all on function private.liveit_return_held_stock(uuid[]) from public;
revoke all on function private.liveit_release_holds(uuid[], text) from public;
revoke all on function private.liveit_lock_expired_orders(integer) from public;

-- Cancels orders whose hold has expired and gives their stock back. pg_cron runs it every
-- minute where available (hosted); liveit-api also calls it, and checkout releases expired
-- holds first, so an expired hold never blocks a purchase. Returns how many were released.
create or replace function public.liveit_release_expired_holds(max_orders integer default 500)
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  expired uuid[] := private.liveit_lock_expired_orders(max_orders);
begin
  perform private.liveit_release_holds(expired, 'expired');
  return cardinality(expired);
end;
$$;

revoke all on function public.liveit_release_expired_holds(integer) from public, anon, authenticated;
grant execute on function public.liveit_release_expired_holds(integer) to service_role;

-- An order with its lines, as the API returns it. Security invoker: RLS decides which orders
-- the caller may see (customers their own, admins all, the service role everything).
create or replace function public.liveit_order_json(order_id uuid)
returns jsonb
language sql
stable
security invoker
set search_path = ''
as $$
  select jsonb_build_object(
    'id', o.id, 'order_number', o.order_number, 'customer_id', o.customer_id, 'status', o.status,
    'currency', o.currency, 'subtotal_cents', o.subtotal_cents, 'shipping_cents', o.shipping_cents,
    'tax_cents', o.tax_cents, 'total_cents', o.total_cents, 'shipping_address', o.shipping_address,
    'reserved_until', o.reserved_until, 'payment_provider', o.payment_provider,
    'payment_reference', o.payment_reference, 'paid_at', o.paid_at, 'cancelled_at', o.cancelled_at,
    'created_at', o.created_at, 'updated_at', o.updated_at,
    'items', coalesce((
      select jsonb_agg(jsonb_build_object(
        'id', i.id, 'variant_id', i.variant_id, 'product_id', i.product_id, 'sku', i.sku,
        'product_name', i.product_name, 'variant_label', i.variant_label,
        'unit_price_cents', i.unit_price_cents, 'quantity', i.quantity,
        'line_total_cents', i.line_total_cents) order by i.position)
      from public.liveit_order_items i where i.order_id = o.id
    ), '[]'::jsonb)
  )
  from public.liveit_orders o
  where o.id = liveit_order_json.order_id;
$$;

revoke all on function public.liveit_order_json(uuid) from public, anon;
grant execute on function public.liveit_order_json(uuid) to authenticated, service_role;

-- Places an order for `customer`: prices from the variants, the money rules of the table's
-- checks, and a hold on every line's stock for `hold_minutes` — all lines or none. The caller
-- (liveit-api) has validated the input's shape; the checks here are the backstop.
create or replace function public.liveit_checkout(
  customer uuid, items jsonb, shipping_address jsonb,
  hold_minutes integer default 30, payment_provider text default 'test')
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  line record;
  line_variants uuid[];
  line_quantities integer[];
  bad_line bigint;
  placed public.liveit_orders;
  subtotal bigint := 0;
begin
  if customer is null then
    raise exception 'sign in first' using errcode = '42501';
  end if;
  if jsonb_typeof(items) is distinct from 'array' or jsonb_array_length(items) = 0 then
    raise exception 'the cart is empty' using errcode = '22023', hint = 'items';
  end if;
  if hold_minutes not between 1 and 1440 then
    raise exception 'hold_minutes must be 1 to 1440' using errcode = '22023', hint = 'hold_minutes';
  end if;

  select array_agg((l.value ->> 'variant_id')::uuid order by l.ordinality),
         array_agg((l.value ->> 'quantity')::integer order by l.ordinality)
  into line_variants, line_quantities
  from jsonb_array_elements(items) with ordinality as l (value, ordinality);

  select c.position into bad_line
  from unnest(line_quantities) with ordinality as c (quantity, position)
  where c.quantity is null or c.quantity not between 1 and 99
  order by c.position limit 1;
  if bad_line is not null then
    raise exception 'quantity must be 1 to 99' using errcode = '22023', hint = format('items.%s.quantity', bad_line - 1);
  end if;
  if (select count(distinct c) from unnest(line_variants) c) <> jsonb_array_length(items) then
    raise exception 'each variant may appear once' using errcode = '22023', hint = 'items';
  end if;

  -- Orders first (expired ones, skipping any being handled elsewhere), then all variants at once.
  declare
    expired uuid[] := private.liveit_lock_expired_orders(200);
  begin
    perform private.liveit_lock_variants(array(
      select c.variant_id from unnest(line_variants) as c (variant_id)
      union
      select i.variant_id from public.liveit_order_items i
      where i.order_id = any (expired) and i.variant_id is not null));
    perform private.liveit_release_holds(expired, 'expired');
  end;

  for line in
    select c.n - 1 as position, c.variant_id, c.quantity, v.id as found_id, v.stock_available, p.status
    from unnest(line_variants, line_quantities) with ordinality as c (variant_id, quantity, n)
    left join public.liveit_variants v on v.id = c.variant_id
    left join public.liveit_products p on p.id = v.product_id
    order by c.n
  loop
    if line.found_id is null or line.status is distinct from 'active' then
      raise exception 'this item is no longer sold' using errcode = 'LI422',
        hint = format('items.%s.variant_id', line.position);
    end if;
    if line.stock_available < line.quantity then
      raise exception '%', case when line.stock_available = 0 then 'sold out'
          else format('only %s left', line.stock_available) end
        using errcode = 'LI409', hint = format('items.%s.quantity', line.position),
          detail = jsonb_build_object('variant_id', line.variant_id, 'available', line.stock_available)::text;
    end if;
  end loop;

  update public.liveit_variants v
  set stock_reserved = v.stock_reserved + c.quantity
  from unnest(line_variants, line_quantities) with ordinality as c (variant_id, quantity, n)
  where v.id = c.variant_id;

  select sum(v.price_cents::bigint * c.quantity) into subtotal
  from unnest(line_variants, line_quantities) with ordinality as c (variant_id, quantity, n) join public.liveit_variants v on v.id = c.variant_id;
  if subtotal > 2000000000 then
    raise exception 'the order is too large' using errcode = '22023', hint = 'items';
  end if;

  insert into public.liveit_orders (customer_id, subtotal_cents, shipping_cents, tax_cents, total_cents,
                                    shipping_address, reserved_until, payment_provider)
  values (customer, subtotal,
          case when subtotal < 10000 then 1500 else 0 end,
          (subtotal * 800 + 5000) / 10000,
          subtotal + case when subtotal < 10000 then 1500 else 0 end + (subtotal * 800 + 5000) / 10000,
          shipping_address, now() + make_interval(mins => hold_minutes), payment_provider)
  returning * into placed;

  insert into public.liveit_order_items (order_id, customer_id, variant_id, product_id, sku, product_name,
                                         variant_label, unit_price_cents, quantity, position)
  select placed.id, customer, v.id, p.id, v.sku, p.name,
         coalesce(nullif(concat_ws(' / ', v.size, v.colour), ''), 'One size'),
         v.price_cents, c.quantity, c.n - 1
  from unnest(line_variants, line_quantities) with ordinality as c (variant_id, quantity, n)
  join public.liveit_variants v on v.id = c.variant_id
  join public.liveit_products p on p.id = v.product_id;

  if payment_provider = 'test' then
    update public.liveit_orders o set payment_reference = 'test_' || o.id where o.id = placed.id;
  end if;

  -- What was ordered leaves the saved cart.
  delete from public.liveit_cart_items ci
  where ci.customer_id = customer and ci.variant_id = any (line_variants);

  return public.liveit_order_json(placed.id);
end;
$$;

revoke all on function public.liveit_checkout(uuid, jsonb, jsonb, integer, text) from public, anon, authenticated;
grant execute on function public.liveit_checkout(uuid, jsonb, jsonb, integer, text) to service_role;

-- Records the payment session made for a pending order (Stripe Checkout Session id).
create or replace function public.liveit_set_payment_reference(order_id uuid, reference text)
returns void
language sql
security definer
set search_path = ''
as $$
  update public.liveit_orders o set payment_reference = reference
  where o.id = liveit_set_payment_reference.order_id and o.status = 'pending_payment';
$$;

revoke all on function public.liveit_set_payment_reference(uuid, text) from public, anon, authenticated;
grant execute on function public.liveit_set_payment_reference(uuid, text) to service_role;

-- Undoes a checkout whose payment session could not be made: stock back, order gone, as if
-- the request had never been answered.
create or replace function public.liveit_abandon_checkout(order_id uuid)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform 1 from public.liveit_orders o
  where o.id = liveit_abandon_checkout.order_id and o.status = 'pending_payment' for update;
  if not found then
    return;
  end if;
  -- The delete trigger gives the stock back.
  delete from public.liveit_orders o where o.id = liveit_abandon_checkout.order_id;
end;
$$;

revoke all on function public.liveit_abandon_checkout(uuid) from public, anon, authenticated;
grant execute on function public.liveit_abandon_checkout(uuid) to service_role;

-- Cancels a pending order and releases its hold: the customer's own (`customer` given) or any
-- (`customer` null, for admins). Not found (or not theirs) → P0002; already paid → LI410.
create or replace function public.liveit_cancel_order(order_id uuid, customer uuid default null, reason text default 'customer')
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  current_status text;
begin
  select o.status into current_status from public.liveit_orders o
  where o.id = liveit_cancel_order.order_id and (customer is null or o.customer_id = customer)
  for update;
  if not found then
    raise exception 'order not found' using errcode = 'P0002', hint = 'id';
  end if;
  if current_status <> 'pending_payment' then
    raise exception 'a % order cannot be cancelled', current_status using errcode = 'LI410', hint = 'status';
  end if;
  perform private.liveit_release_holds(array[liveit_cancel_order.order_id], reason);
  return public.liveit_order_json(liveit_cancel_order.order_id);
end;
$$;

revoke all on function public.liveit_cancel_order(uuid, uuid, text) from public, anon, authenticated;
grant execute on function public.liveit_cancel_order(uuid, uuid, text) to service_role;

-- Applies a payment event once: `completed` turns the hold into a sale (on hand and reserved
-- both drop), `expired` cancels and releases. A redelivered event id changes nothing. Returns
-- {outcome, order_id}; outcomes: paid, cancelled, duplicate, ignored, unknown_order,
-- reference_mismatch, needs_refund
-- (paid after the hold was released and the stock is gone: the shop must refund).
create or replace function public.liveit_apply_payment_event(
  event_id text, event_type text, order_id uuid, payment_reference text default null)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  placed public.liveit_orders;
  result text;
  short integer;
begin
  insert into private.liveit_payment_events (event_id, type, outcome)
  values (event_id, event_type, 'pending')
  on conflict on constraint liveit_payment_events_pkey do nothing;
  if not found then
    return jsonb_build_object('outcome', 'duplicate', 'order_id', order_id);
  end if;

  select * into placed from public.liveit_orders o where o.id = liveit_apply_payment_event.order_id for update;
  if not found then
    result := 'unknown_order';
  elsif placed.payment_reference <> liveit_apply_payment_event.payment_reference then
    -- A session made for another order (or a forged reference) never pays this one.
    result := 'reference_mismatch';
  elsif event_type = 'checkout.session.completed' then
    if placed.status in ('pending_payment', 'cancelled') then
      perform private.liveit_lock_variants(array(
        select i.variant_id from public.liveit_order_items i where i.order_id = placed.id and i.variant_id is not null));
    end if;
    if placed.status = 'pending_payment' then
      update public.liveit_variants v
      set stock_on_hand = v.stock_on_hand - i.quantity, stock_reserved = v.stock_reserved - i.quantity
      from public.liveit_order_items i
      where i.order_id = placed.id and v.id = i.variant_id;
      result := 'paid';
    elsif placed.status = 'cancelled' then
      -- Paid after the hold was released: sell if the stock is still there.
      select count(*) into short from public.liveit_order_items i
      join public.liveit_variants v on v.id = i.variant_id
      where i.order_id = placed.id and v.stock_available < i.quantity;
      if short = 0 then
        update public.liveit_variants v set stock_on_hand = v.stock_on_hand - i.quantity
        from public.liveit_order_items i where i.order_id = placed.id and v.id = i.variant_id;
        result := 'paid';
      else
        result := 'needs_refund';
      end if;
    else
      result := 'ignored';
    end if;
    if result = 'paid' then
      update public.liveit_orders o
      set status = 'paid', paid_at = now(), reserved_until = null, cancelled_at = null, cancel_reason = null,
          payment_reference = coalesce(liveit_apply_payment_event.payment_reference, o.payment_reference)
      where o.id = placed.id;
    end if;
  elsif event_type = 'checkout.session.expired' then
    if placed.status = 'pending_payment' then
      perform private.liveit_release_holds(array[placed.id], 'payment_expired');
      result := 'cancelled';
    else
      result := 'ignored';
    end if;
  else
    result := 'ignored';
  end if;

  update private.liveit_payment_events e
  set outcome = result, order_id = placed.id
  where e.event_id = liveit_apply_payment_event.event_id;
  return jsonb_build_object('outcome', result, 'order_id', placed.id);
end;
$$;

revoke all on function public.liveit_apply_payment_event(text, text, uuid, text) from public, anon, authenticated;
grant execute on function public.liveit_apply_payment_event(text, text, uuid, text) to service_role;

-- An admin's status move: fulfilled (from paid), shipped (from fulfilled), cancelled (from
-- pending, releasing the hold). Anything else → LI410. The API checks the caller is an admin.
create or replace function public.liveit_set_order_status(order_id uuid, new_status text)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  current_status text;
begin
  select o.status into current_status from public.liveit_orders o
  where o.id = liveit_set_order_status.order_id for update;
  if not found then
    raise exception 'order not found' using errcode = 'P0002', hint = 'id';
  end if;
  if new_status = 'cancelled' and current_status = 'pending_payment' then
    perform private.liveit_release_holds(array[liveit_set_order_status.order_id], 'admin');
  elsif new_status = 'fulfilled' and current_status = 'paid' then
    update public.liveit_orders o set status = 'fulfilled', fulfilled_at = now() where o.id = liveit_set_order_status.order_id;
  elsif new_status = 'shipped' and current_status = 'fulfilled' then
    update public.liveit_orders o set status = 'shipped', shipped_at = now() where o.id = liveit_set_order_status.order_id;
  else
    raise exception 'an order cannot move from % to %', current_status, new_status
      using errcode = 'LI410', hint = 'status';
  end if;
  return public.liveit_order_json(liveit_set_order_status.order_id);
end;
$$;

revoke all on function public.liveit_set_order_status(uuid, text) from public, anon, authenticated;
grant execute on function public.liveit_set_order_status(uuid, text) to service_role;

-- A page of orders, newest first, with the total: one customer's (`customer` given) or all,
-- filtered by status and by `q` (order number or the customer's e-mail, for admins).
create or replace function public.liveit_list_orders(
  customer uuid default null, status_filter text default null, q text default null,
  page_limit integer default 20, page_offset integer default 0)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  result jsonb;
  pattern text := case when q is null then null
    else '%' || replace(replace(replace(q, '\', '\\'), '%', '\%'), '_', '\_') || '%' end;
begin
  with matching as (
    select o.id, o.created_at from public.liveit_orders o
    where (customer is null or o.customer_id = customer)
      and (status_filter is null or o.status = status_filter)
      and (pattern is null or o.order_number ilike pattern
           or exists (select 1 from auth.users u where u.id = o.customer_id and u.email ilike pattern))
  )
  select jsonb_build_object(
    'total', (select count(*) from matching),
    'items', coalesce((
      select jsonb_agg(public.liveit_order_json(p.id) order by p.created_at desc, p.id)
      from (select m.id, m.created_at from matching m order by m.created_at desc, m.id
            limit page_limit offset page_offset) p), '[]'::jsonb)
  ) into result;
  return result;
end;
$$;

revoke all on function public.liveit_list_orders(uuid, text, text, integer, integer) from public, anon, authenticated;
grant execute on function public.liveit_list_orders(uuid, text, text, integer, integer) to service_role;

-- Sets a variant's on-hand count or changes it by `delta`, as the caller (RLS: admins only;
-- anyone else finds no variant → P0002). Below what is reserved → LI409 stock_below_reserved.
create or replace function public.liveit_adjust_stock(variant_id uuid, delta integer default null, on_hand integer default null)
returns public.liveit_variants
language plpgsql
security invoker
set search_path = ''
as $$
declare
  current public.liveit_variants;
  target integer;
begin
  if (delta is null) = (on_hand is null) then
    raise exception 'send either delta or on_hand' using errcode = '22023', hint = 'delta';
  end if;
  select * into current from public.liveit_variants v where v.id = liveit_adjust_stock.variant_id for update;
  if not found or not (select public.is_admin()) then
    raise exception 'variant not found' using errcode = 'P0002', hint = 'id';
  end if;
  target := coalesce(on_hand, current.stock_on_hand + delta);
  if target < 0 then
    raise exception 'stock cannot go below 0' using errcode = '22023', hint = 'delta';
  end if;
  if target < current.stock_reserved then
    raise exception '% are held by unpaid orders; on hand cannot go below that', current.stock_reserved
      using errcode = 'LI411', hint = case when on_hand is null then 'delta' else 'stock_on_hand' end,
        detail = jsonb_build_object('variant_id', current.id, 'reserved', current.stock_reserved)::text;
  end if;
  update public.liveit_variants v set stock_on_hand = target where v.id = current.id returning * into current;
  return current;
end;
$$;

revoke all on function public.liveit_adjust_stock(uuid, integer, integer) from public, anon;
grant execute on function public.liveit_adjust_stock(uuid, integer, integer) to authenticated, service_role;

-- Merges a guest cart into the caller's saved cart: quantities add up (at most 99); variants
-- that are unknown or no longer sold are skipped. Returns the saved cart.
create or replace function public.liveit_merge_cart(items jsonb)
returns jsonb
language plpgsql
security invoker
set search_path = ''
as $$
declare
  caller uuid := (select auth.uid());
begin
  if caller is null then
    raise exception 'sign in first' using errcode = '42501';
  end if;
  insert into public.liveit_cart_items as ci (variant_id, quantity)
  select v.id, least(99, sum((l.value ->> 'quantity')::integer))
  from jsonb_array_elements(coalesce(items, '[]'::jsonb)) l
  join public.liveit_variants v on v.id = (l.value ->> 'variant_id')::uuid
  join public.liveit_products p on p.id = v.product_id and p.status = 'active'
  group by v.id
  on conflict (customer_id, variant_id) do update set quantity = least(99, ci.quantity + excluded.quantity);
  return jsonb_build_object('items', coalesce((
    select jsonb_agg(jsonb_build_object('variant_id', ci.variant_id, 'quantity', ci.quantity) order by ci.created_at, ci.variant_id)
    from public.liveit_cart_items ci where ci.customer_id = caller), '[]'::jsonb));
end;
$$;

revoke all on function public.liveit_merge_cart(jsonb) from public, anon;
grant execute on function public.liveit_merge_cart(jsonb) to authenticated;

-- Writes a customer's review of a product they bought (a paid, fulfilled or shipped order):
-- verified purchase. Not bought → LI403; product unknown or not sold → P0002; a second review
-- → 23505.
create or replace function public.liveit_create_review(
  customer uuid, product_id uuid, rating integer, title text, body text default '')
returns public.liveit_reviews
language plpgsql
security definer
set search_path = ''
as $$
declare
  written public.liveit_reviews;
begin
  if not exists (select 1 from public.liveit_products p where p.id = liveit_create_review.product_id and p.status = 'active') then
    raise exception 'product not found' using errcode = 'P0002', hint = 'product_id';
  end if;
  if not exists (
    select 1 from public.liveit_order_items i
    join public.liveit_orders o on o.id = i.order_id
    where i.customer_id = customer and i.product_id = liveit_create_review.product_id
      and o.status in ('paid', 'fulfilled', 'shipped')
  ) then
    raise exception 'only customers who bought this product can review it' using errcode = 'LI403', hint = 'product_id';
  end if;
  insert into public.liveit_reviews (product_id, customer_id, author_name, rating, title, body, verified_purchase)
  values (liveit_create_review.product_id, customer,
          coalesce((select pr.display_name from public.profiles pr where pr.id = customer), 'Customer'),
          rating, title, coalesce(body, ''), true)
  returning * into written;
  return written;
end;
$$;

revoke all on function public.liveit_create_review(uuid, uuid, integer, text, text) from public, anon, authenticated;
grant execute on function public.liveit_create_review(uuid, uuid, integer, text, text) to service_role;

-- The scheduled release: every minute via pg_cron where the extension exists (hosted Supabase,
-- after enabling it in the dashboard). The Docker-less local stack has no pg_cron; there
-- liveit-api's calls and checkout's own release cover it.
do $cron$
begin
  if exists (select 1 from pg_available_extensions where name = 'pg_cron') then
    create extension if not exists pg_cron;
    perform cron.schedule('liveit-release-expired-holds', '* * * * *',
                          'select public.liveit_release_expired_holds()');
  end if;
end;
$cron$;
