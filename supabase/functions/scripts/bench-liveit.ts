// LiveIt under load: checkout p50/p95 at concurrency 20 through the gateway, the functions
// relay and liveit-api (real Deno), and of the checkout SQL alone at the database; then the
// catalogue page query (liveit_product_cards over REST, as anon) with 1 000 more products.
// Usage: pnpm --filter @alawein/functions bench:liveit     Target: function p95 ≤ 100 ms.
import os from 'node:os';
import pg from 'pg';
import { withRequestTransaction } from '@alawein/local-supabase';
import { createNodeClient, startTestStack } from '@alawein/local-supabase/testing';
import { createHttpClient } from './http-client.ts';
import { describeLatency } from './percentiles.ts';
import { cpuByGroup, cpuPerOperation, describeCpu } from './process-cpu.ts';

const CONCURRENCY = 20;
const CHECKOUTS = 400;
/** Within one shopper's write budget (30 a minute). */
const SEQUENTIAL = 25;
const CATALOGUE_PRODUCTS = 1_000;
const PASSWORD = 'bench-password-1';
const PAGE_QUERIES = 200;
const ADDRESS = {
  name: 'Bench',
  line1: '1 Loop',
  city: 'Le Mans',
  postal_code: '72000',
  country: 'FR',
};

function describe(label: string, samples: number[]): string {
  return `${describeLatency(label, samples, 46)}   (n=${samples.length})`;
}

/**
 * Runs `run` (`count` operations) and prints its latency line, then the CPU each operation cost
 * in this process (the load and the gateway), the Deno workers and PostgreSQL.
 */
async function measured(label: string, count: number, run: () => Promise<number[]>) {
  const before = cpuByGroup();
  const samples = await run();
  const cpu = describeCpu(cpuPerOperation(before, cpuByGroup(), count));
  console.log(`${describe(label, samples)}\n${''.padEnd(47)}CPU: ${cpu}`);
}

/** Runs `total` calls of `work` with `concurrency` in flight; returns each call's latency. */
async function load(
  concurrency: number,
  total: number,
  work: (i: number) => Promise<void>,
): Promise<number[]> {
  const samples: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        await work(i);
        samples.push(performance.now() - t0);
      }
    }),
  );
  return samples;
}

async function main(): Promise<void> {
  const stack = await startTestStack();
  if (!stack.dbUrl) throw new Error('the benchmark needs the database URL (SUPABASE_TEST_DB_URL)');
  const admin = new pg.Pool({ connectionString: stack.dbUrl, max: 2 });
  const authenticator = new URL(stack.dbUrl);
  authenticator.username = 'authenticator';
  const api = new pg.Pool({ connectionString: authenticator.toString(), max: CONCURRENCY });
  try {
    // Each worker buys its own two variants (shoppers rarely want the same item at the same
    // instant); one extra database run puts all of them on one hot variant, where the row lock
    // serialises them by design.
    const { rows: variantRows } = await admin.query<{ id: string }>(
      `with c as (insert into public.liveit_categories (slug, name) values ('bench', 'Bench') returning id),
       p as (insert into public.liveit_products (category_id, slug, name, status)
             select id, 'bench-tee', 'Bench Tee', 'active' from c returning id)
       insert into public.liveit_variants (product_id, sku, size, price_cents, stock_on_hand)
       select p.id, 'BENCH-' || g, 'B' || g, 4500, 1000000 from p, generate_series(0, $1::int) g
       returning id`,
      [CONCURRENCY * 2],
    );
    const variants = variantRows.map((r) => r.id);
    const hot = variants[CONCURRENCY * 2]!;
    const lines = (i: number) => [
      { variant_id: variants[(i % CONCURRENCY) * 2]!, quantity: 1 },
      { variant_id: variants[(i % CONCURRENCY) * 2 + 1]!, quantity: 2 },
    ];

    // One shopper per worker; their write budget (30 a minute) is reset between batches.
    const shoppers = await Promise.all(
      Array.from({ length: CONCURRENCY }, async (_, n) => {
        const client = createNodeClient(stack.url, stack.anonKey);
        const email = `bench-${n}-${Date.now()}@example.test`;
        const { data, error } = await client.auth.signUp({ email, password: PASSWORD });
        if (error || !data.user || !data.session) throw error ?? new Error('no session');
        return { id: data.user.id, email, token: data.session.access_token, client };
      }),
    );
    const ids = shoppers.map((s) => s.id);
    const resetBudgets = () =>
      admin.query('delete from private.rate_limit_hits where user_id = any($1)', [ids]);

    const http = createHttpClient(stack.url, CONCURRENCY);
    const checkoutWith = async (token: string, i: number) => {
      const { status, text } = await http.send(
        'POST',
        '/functions/v1/liveit-api/checkout',
        {
          authorization: `Bearer ${token}`,
          apikey: stack.anonKey,
          'content-type': 'application/json',
        },
        JSON.stringify({ items: lines(i), shipping_address: ADDRESS }),
      );
      if (status !== 201) throw new Error(`checkout: HTTP ${status} ${text}`);
    };
    const viaFunction = (i: number) => checkoutWith(shoppers[i % CONCURRENCY]!.token, i);
    const atDatabase = (i: number, items = lines(i)) =>
      withRequestTransaction(
        api,
        {
          auth: { role: 'service_role', claims: { role: 'service_role' }, token: '' },
          method: 'POST',
          path: '/rpc/liveit_checkout',
          headers: {},
        },
        async (c) => {
          await c.query('select public.liveit_checkout($1, $2, $3)', [
            ids[i % CONCURRENCY],
            JSON.stringify(items),
            ADDRESS,
          ]);
        },
      );

    console.log(
      `machine: ${os.cpus().length} cores, load average ${os
        .loadavg()
        .map((n) => n.toFixed(2))
        .join(' ')}`,
    );
    console.log(`\nCheckout of 2 lines, ${CONCURRENCY} in flight:`);
    await load(CONCURRENCY, CONCURRENCY * 2, (i) => atDatabase(i)); // warm plans and pools
    await measured('database: liveit_checkout (service role)', CHECKOUTS, () =>
      load(CONCURRENCY, CHECKOUTS, (i) => atDatabase(i)),
    );
    console.log(
      describe(
        'database: all on one hot variant',
        await load(CONCURRENCY, CHECKOUTS, (i) =>
          atDatabase(i, [{ variant_id: hot, quantity: 1 }]),
        ),
      ),
    );
    await resetBudgets();
    await load(CONCURRENCY, CONCURRENCY, viaFunction); // start the Deno worker
    await measured('function: POST /liveit-api/checkout', CHECKOUTS, async () => {
      const samples: number[] = [];
      for (let done = 0; done < CHECKOUTS; done += CONCURRENCY * 20) {
        await resetBudgets();
        const batch = Math.min(CONCURRENCY * 20, CHECKOUTS - done);
        samples.push(...(await load(CONCURRENCY, batch, viaFunction)));
      }
      return samples;
    });
    await measured('function: GET /health (relay, Deno, 1 REST)', CHECKOUTS, () =>
      load(CONCURRENCY, CHECKOUTS, async () => {
        const { status } = await http.send('GET', '/functions/v1/liveit-api/health', {
          authorization: `Bearer ${stack.anonKey}`,
          apikey: stack.anonKey,
        });
        if (status !== 200) throw new Error(`health: HTTP ${status}`);
      }),
    );
    // One at a time: the work of a request, without the queueing of 20 on 2 cores.
    await resetBudgets();
    await measured('function: checkout, one at a time', SEQUENTIAL, () =>
      load(1, SEQUENTIAL, viaFunction),
    );
    // A token the function has not seen: the local stack's tokens are HS256, so Auth checks it
    // (with signing keys, SUPABASE_JWKS, the function would verify it itself). Each sign-in is a
    // new session, so each token differs (refreshes within one second can repeat a token).
    const fresh: string[] = [];
    const email = shoppers[0]!.email;
    for (let n = 0; n < SEQUENTIAL; n += 1) {
      const { data, error } = await shoppers[0]!.client.auth.signInWithPassword({
        email,
        password: PASSWORD,
      });
      if (error || !data.session) throw error ?? new Error('no session');
      fresh.push(data.session.access_token);
    }
    if (new Set(fresh).size !== SEQUENTIAL) throw new Error('the fresh tokens repeat');
    await resetBudgets();
    await measured('function: one at a time, each a new token', SEQUENTIAL, () =>
      load(1, SEQUENTIAL, (i) => checkoutWith(fresh[i]!, 0)),
    );
    await measured('database: checkout, one at a time', SEQUENTIAL, () =>
      load(1, SEQUENTIAL, (i) => atDatabase(i)),
    );
    const { rows: held } = await admin.query<{ ok: boolean }>(
      'select bool_and(stock_reserved <= stock_on_hand) as ok from public.liveit_variants',
    );
    console.log(`stock_reserved <= stock_on_hand everywhere afterwards: ${held[0]!.ok}`);

    // Catalogue: 1 000 more active products, 3 variants and an image each.
    await admin.query(
      `with c as (select id from public.liveit_categories where slug = 'bench'),
       p as (insert into public.liveit_products (category_id, slug, name, description, status, created_at)
             select c.id, 'bench-' || g, 'Bench product ' || g, 'A product for the benchmark', 'active',
                    now() - g * interval '1 minute'
             from c, generate_series(1, $1::int) g returning id, slug),
       v as (insert into public.liveit_variants (product_id, sku, size, price_cents, stock_on_hand)
             select p.id, upper(p.slug) || '-' || s, s, 1000 + (abs(hashtext(p.slug)) % 20000), 5
             from p, unnest(array['S', 'M', 'L']) s)
       insert into public.liveit_product_images (product_id, storage_path, alt, widths)
       select p.id, p.slug || '/main.webp', 'Bench', '{400,800}' from p`,
      [CATALOGUE_PRODUCTS],
    );
    await admin.query('analyze');
    const anon = createNodeClient(stack.url, stack.anonKey);
    const pages = Math.floor(CATALOGUE_PRODUCTS / 24);
    const orders = ['created_at', 'min_price_cents', 'name'] as const;
    const pageQuery = async (i: number) => {
      const { error } = await anon
        .from('liveit_product_cards')
        .select(
          'id, slug, name, min_price_cents, stock_available, image_path, image_widths, average_rating',
          {
            count: 'exact',
          },
        )
        .eq('category_slug', 'bench')
        .order(orders[i % 3]!, { ascending: i % 2 === 0 })
        .range((i % pages) * 24, (i % pages) * 24 + 23);
      if (error) throw new Error(error.message);
    };
    const searchQuery = async () => {
      const { error } = await anon
        .from('liveit_product_cards')
        .select('id, slug, name, min_price_cents', { count: 'exact' })
        .ilike('name', '%product 7%')
        .order('name')
        .limit(24);
      if (error) throw new Error(error.message);
    };
    await load(1, 10, pageQuery);
    const { count } = await anon
      .from('liveit_product_cards')
      .select('id', { count: 'exact', head: true });
    console.log(
      `\nCatalogue pages of 24 over ${count} active products (anon, REST, exact count), one at a time:`,
    );
    console.log(
      describe('REST: liveit_product_cards page (sorted)', await load(1, PAGE_QUERIES, pageQuery)),
    );
    console.log(
      describe('REST: liveit_product_cards name search', await load(1, PAGE_QUERIES, searchQuery)),
    );
    const sqlPage = (i: number) =>
      withRequestTransaction(
        api,
        {
          auth: { role: 'anon', claims: { role: 'anon' }, token: '' },
          method: 'GET',
          path: '/liveit_product_cards',
          headers: {},
          readOnly: true,
        },
        async (c) => {
          await c.query(
            `select id, slug, name, min_price_cents, stock_available, image_path, count(*) over () as total
             from public.liveit_product_cards where category_slug = 'bench'
             order by ${orders[i % 3]} limit 24 offset $1`,
            [(i % pages) * 24],
          );
        },
      );
    console.log(describe('database: the same page as anon', await load(1, PAGE_QUERIES, sqlPage)));
    http.close();
  } finally {
    await api.end();
    await admin.end();
    await stack.stop();
  }
}

await main();
