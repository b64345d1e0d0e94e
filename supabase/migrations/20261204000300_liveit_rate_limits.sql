-- liveit-api's budgets in the platform rate limit (private.rate_limit_policies).
-- * read/write: spent by the function's middleware per request. Its writes go through
--   service-role SQL, which has no user for a row trigger to charge; a checkout is one write.
-- * cart: the saved cart is written over REST (and by POST /cart/merge) as the customer, so a
--   row trigger charges every cart row written, on every path.
insert into private.rate_limit_policies (function_name, bucket, max_hits, window_seconds) values
  ('liveit-api', 'read', 120, 60),
  ('liveit-api', 'write', 30, 60),
  ('liveit-api', 'cart', 300, 60);

create trigger rate_limit
  after insert or update or delete on public.liveit_cart_items
  for each row execute function private.rate_limit_trigger('liveit-api', 'cart');
