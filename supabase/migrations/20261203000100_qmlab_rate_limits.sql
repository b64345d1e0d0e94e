-- qmlab-api's budgets on the platform rate limit (private.rate_limit_policies):
--   read   GET requests of signed-in users (the middleware spends them);
--   run    POST /run, which simulates up to 2^20 amplitudes and is the expensive call;
--   write  rows written to qmlab_circuits and qmlab_runs, spent in the database on every path
--          (the function, /rest/v1) by the triggers below.
insert into private.rate_limit_policies (function_name, bucket, max_hits, window_seconds) values
  ('qmlab-api', 'read', 120, 60),
  ('qmlab-api', 'run', 20, 60),
  ('qmlab-api', 'write', 30, 60);

create trigger rate_limit
  after insert or update or delete on public.qmlab_circuits
  for each row execute function private.rate_limit_trigger('qmlab-api', 'write');

-- Inserts only: deleting a circuit cascades to its runs, which must not each spend a write.
create trigger rate_limit
  after insert on public.qmlab_runs
  for each row execute function private.rate_limit_trigger('qmlab-api', 'write');
