// REST read throughput and latency: an RLS-filtered select through the gateway (HTTP, auth,
// PostgREST query building, one transaction with the caller's claims) against the same rows read
// straight through pg as the same user role, in the same run, both at concurrency 50.
// Targets (#10): REST >= 75 % of direct SQL's throughput, p95 within 1.5x of direct SQL's. Run: pnpm --filter @alawein/local-supabase bench:rest
// (`-- --requests 5000 --concurrency 50` change the measured requests per scenario and the load).
// The stack runs in a child process so the load generator does not share its event loop.
import { fork, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { withRequestStatement } from '../src/db/request-transaction.ts';
import { startTestStack } from '../src/testing.ts';
import { FIXTURE_PROJECT } from '../test/support/function-project.ts';

const { values: cli } = parseArgs({
  options: {
    serve: { type: 'boolean' },
    concurrency: { type: 'string' },
    requests: { type: 'string' },
  },
});
const CONCURRENCY = Number(cli.concurrency ?? 50);
const REQUESTS = Number(cli.requests ?? 5000);
const USERS = 20;
const TODOS_PER_USER = 100;
/** The query both scenarios answer: a user's first 20 todos, RLS deciding whose rows. */
const REST_PATH =
  '/rest/v1/rest_todos?select=id,title,done,priority&done=is.false&order=id&limit=20';
const SQL =
  "select coalesce(json_agg(t), '[]')::text as body from (select id, title, done, priority from public.rest_todos where done is false order by id limit 20) t";

interface StackInfo {
  url: string;
  anonKey: string;
  dbUrl: string;
}

interface Summary {
  scenario: string;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
}

function percentile(sorted: number[], p: number): number {
  return (
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
  );
}

/** Runs `op` REQUESTS times with CONCURRENCY in flight; per-call latencies and overall rate. */
async function load(
  scenario: string,
  op: (i: number) => Promise<void>,
  requests = REQUESTS,
): Promise<Summary> {
  const samples: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < requests) {
        const i = next++;
        const t0 = performance.now();
        await op(i);
        samples.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const sorted = samples.sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    scenario,
    requests,
    rps: Math.round(requests / seconds),
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
  };
}

// Replaced before each HTTP phase: sockets idle through the SQL phase would be closed by the
// server's keep-alive timeout and fail on reuse.
let agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function freshAgent(): void {
  agent.destroy();
  agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
}

function get(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

async function post(url: string, anonKey: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { apikey: anonKey, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${url}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

/** Child mode: start a stack on free ports, report where it is, stop on SIGTERM. */
async function serve(): Promise<void> {
  const stack = await startTestStack({ projectRoot: FIXTURE_PROJECT });
  process.send?.({
    url: stack.url,
    anonKey: stack.anonKey,
    dbUrl: stack.dbUrl,
  } satisfies Partial<StackInfo>);
  // CPU time is what contention on a shared machine does not inflate, unlike latency.
  process.on('message', (message) => {
    if (message === 'cpu') process.send?.({ cpu: process.cpuUsage() });
  });
  process.on('SIGTERM', () => {
    void stack.stop().then(() => process.exit(0));
  });
}

/** The stack process's user+system CPU time so far, in ms. */
function stackCpuMs(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    const onMessage = (message: unknown): void => {
      const cpu = (message as { cpu?: NodeJS.CpuUsage }).cpu;
      if (!cpu) return;
      child.off('message', onMessage);
      resolve((cpu.user + cpu.system) / 1000);
    };
    child.on('message', onMessage);
    child.send('cpu');
  });
}

function startStackProcess(): Promise<{ child: ChildProcess; info: StackInfo }> {
  const child = fork(fileURLToPath(import.meta.url), ['--serve'], {
    execArgv: ['--import', 'tsx'],
    stdio: 'inherit',
  });
  return new Promise((resolve, reject) => {
    child.once('message', (info) => resolve({ child, info: info as StackInfo }));
    child.once('exit', (code) =>
      reject(new Error(`stack process exited (${code}) before it was ready`)),
    );
  });
}

async function main(): Promise<void> {
  const { child, info } = await startStackProcess();
  const admin = new pg.Pool({ connectionString: info.dbUrl, max: 2 });
  // The best a direct client can do, as the gateway does it: one pipelined round trip per
  // transaction (begin, the claims, the query, commit), on as many connections as the gateway.
  const direct = new pg.Pool({
    connectionString: info.dbUrl.replace('postgres:postgres@', 'authenticator:postgres@'),
    max: 20,
    pipeline: true,
  });
  try {
    const users: { id: string; token: string; claims: Record<string, unknown> }[] = [];
    for (let i = 0; i < USERS; i += 1) {
      const session = await post(`${info.url}/auth/v1/signup`, info.anonKey, {
        email: `bench-${Date.now()}-${i}@example.com`,
        password: 'bench-password-1',
      });
      const token = String(session.access_token);
      const claims = JSON.parse(
        Buffer.from(token.split('.')[1] ?? '', 'base64url').toString(),
      ) as Record<string, unknown>;
      users.push({ id: String((session.user as { id: string }).id), token, claims });
    }
    await admin.query(
      `insert into public.rest_todos (owner_id, title, done, priority)
       select u.id::uuid, 'todo ' || n, n % 4 = 0, n % 5 from unnest($1::text[]) u(id), generate_series(1, $2) n`,
      [users.map((u) => u.id), TODOS_PER_USER],
    );
    await admin.query('analyze public.rest_todos');

    const check = await get(`${info.url}${REST_PATH}`, {
      apikey: info.anonKey,
      authorization: `Bearer ${users[0]?.token}`,
    });
    const rows = JSON.parse(check.body) as unknown[];
    if (check.status !== 200 || rows.length !== 20)
      throw new Error(`unexpected REST answer ${check.status}: ${check.body.slice(0, 200)}`);

    const viaGateway = async (i: number): Promise<void> => {
      const user = users[i % USERS];
      const response = await get(`${info.url}${REST_PATH}`, {
        apikey: info.anonKey,
        authorization: `Bearer ${user?.token}`,
      });
      if (response.status !== 200)
        throw new Error(`REST answered ${response.status}: ${response.body}`);
    };
    const viaSql = async (i: number): Promise<void> => {
      const user = users[i % USERS];
      if (!user) return;
      await withRequestStatement(
        direct,
        {
          auth: { role: 'authenticated', claims: user.claims, token: user.token },
          method: 'GET',
          path: '/rest_todos',
          headers: {},
          readOnly: true,
        },
        (client) => client.query({ name: 'bench_read', text: SQL }),
      );
    };

    // Warm both paths (connections, plans, JIT of the server's code).
    await load('warm-up', viaGateway, 1000);
    await load('warm-up', viaSql, 1000);
    const results = [await load('direct SQL (pg, same role and claims)', viaSql)];
    freshAgent();
    const cpuBefore = await stackCpuMs(child);
    results.push(await load('REST via gateway', viaGateway));
    const gatewayCpuPerRequest = ((await stackCpuMs(child)) - cpuBefore) / REQUESTS;

    // Other work on the machine skews every figure; say how busy it was.
    console.log(
      `\nload average while measuring: ${os
        .loadavg()
        .map((n) => n.toFixed(1))
        .join(' ')} on ${os.cpus().length} cores`,
    );
    console.log(
      `REST read, RLS-filtered (${USERS} users x ${TODOS_PER_USER} todos, 20 rows per answer), concurrency ${CONCURRENCY}`,
    );
    console.table(
      results.map((r) => ({
        scenario: r.scenario,
        requests: r.requests,
        'req/s': r.rps,
        'p50 ms': r.p50,
        'p95 ms': r.p95,
        'p99 ms': r.p99,
      })),
    );
    const [sql, rest] = results;
    console.log(
      `gateway process CPU per REST request: ${gatewayCpuPerRequest.toFixed(3)} ms (Node side only; PostgreSQL not included)`,
    );
    if (sql && rest) {
      const share = rest.rps / sql.rps;
      const p95Ratio = rest.p95 / sql.p95;
      console.log(
        `REST throughput ${(share * 100).toFixed(0)} % of direct SQL (target >= 75 %: ${share >= 0.75 ? 'met' : 'NOT met'}); ` +
          `p95 ${p95Ratio.toFixed(2)}x direct SQL's (target <= 1.5x: ${p95Ratio <= 1.5 ? 'met' : 'NOT met'})`,
      );
    }
  } finally {
    agent.destroy();
    await Promise.all([admin.end(), direct.end()]);
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

if (cli.serve) await serve();
else await main();
