-- liveit-api's request budgets in the platform rate limit (private.rate_limit_policies).
-- Both are spent by the function's middleware: its writes go through service-role SQL, which
-- has no user for a row trigger to charge. A checkout is one write.
insert into private.rate_limit_policies (function_name, bucket, max_hits, window_seconds) values
  ('liveit-api', 'read', 120, 60),
  ('liveit-api', 'write', 30, 60);
