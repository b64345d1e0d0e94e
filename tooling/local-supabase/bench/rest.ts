// REST read throughput and latency: an RLS-filtered select through the gateway (HTTP, auth,
// PostgREST query building, one transaction with the caller's claims) against the same rows read
// straight through pg as the same user role, in the same run, both at concurrency 50.
// Targets (#10): REST >= 75 % of direct SQL's throughput, p95 within 1.5x of direct SQL's, judged
// against the baseline: a pg client running the transaction statement by statement
// (begin, the claims, the query, commit). A client sending set-up and query in one round trip
// (`readInRequest`, as the gateway does) is measured too and its ratios printed alongside.
// Run: pnpm --filter @alawein/local-supabase bench:rest
// (`-- --requests 5000 --concurrency 50` change the measured requests per scenario and the load;
// `-- --cpu-prof <dir>` writes a V8 CPU profile of the stack process to <dir>).
// The stack runs in a child process so the load generator does not share its event loop; the CPU
// each process spends per request is printed, so a busy machine shows up as such.
import { fork, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { readInRequest } from '../src/db/request-read.ts';
import { withRequestTransaction, type RequestScope } from '../src/db/request-transaction.ts';
import { startTestStack } from '../src/testing.ts';
import { FIXTURE_PROJECT } from '../test/support/function-project.ts';

const { values: cli } = parseArgs({
  // pnpm passes the `--` of `pnpm bench:rest -- --requests 2000` through.
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    serve: { type: 'boolean' },
    concurrency: { type: 'string' },
    requests: { type: 'string' },
    /** A directory: write a V8 CPU profile of the stack process there. */
    'cpu-prof': { type: 'string' },
  },
});
const CONCURRENCY = Number(cli.concurrency ?? 50);
const REQUESTS = Number(cli.requests ?? 5000);
const ROUNDS = 5;
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

/** CPU time per request (ms) of each process while a scenario ran. */
interface CpuShare {
  client: number;
  gateway: number;
  postgres: number;
  /** Everything busy on the machine, other helpers' work included. */
  machine: number;
}

function percentile(sorted: number[], p: number): number {
  return (
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
  );
}

/** Runs `op` `requests` times with CONCURRENCY in flight; per-call latencies and elapsed time. */
async function load(
  op: (i: number) => Promise<void>,
  requests: number,
): Promise<{ samples: number[]; seconds: number }> {
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
  return { samples, seconds: (performance.now() - started) / 1000 };
}

/** Rate and latency percentiles of every round of a scenario taken together. */
function summarise(scenario: string, rounds: { samples: number[]; seconds: number }[]): Summary {
  const sorted = rounds.flatMap((r) => r.samples).sort((a, b) => a - b);
  const seconds = rounds.reduce((sum, r) => sum + r.seconds, 0);
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    scenario,
    requests: sorted.length,
    rps: Math.round(sorted.length / seconds),
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
  };
}

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

const CLOCK_TICKS_PER_SECOND = 100;

/** utime+stime (ms) of every live process below `root` (PostgreSQL's backends, for the stack). */
function descendantsCpuMs(root: number): number {
  const stats = new Map<number, { parent: number; cpuMs: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let text: string;
    try {
      text = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // Fields after the command name, which may itself hold spaces and parentheses.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    stats.set(Number(entry), {
      parent: Number(fields[1]),
      cpuMs: (ticks * 1000) / CLOCK_TICKS_PER_SECOND,
    });
  }
  let total = 0;
  for (const stat of stats.values()) {
    for (let up = stat.parent; up > 1; up = stats.get(up)?.parent ?? 0) {
      if (up === root) {
        total += stat.cpuMs;
        break;
      }
    }
  }
  return total;
}

/** Busy CPU time of the whole machine (ms, all cores): what other work also spent. */
function machineBusyMs(): number {
  const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/);
  const ticks = fields.slice(1).map(Number);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  const total = ticks.reduce((sum, n) => sum + n, 0);
  return ((total - idle) * 1000) / CLOCK_TICKS_PER_SECOND;
}

function startStackProcess(): Promise<{ child: ChildProcess; info: StackInfo }> {
  const child = fork(fileURLToPath(import.meta.url), ['--serve'], {
    execArgv: [
      '--import',
      'tsx',
      ...(cli['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', cli['cpu-prof']] : []),
    ],
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
  // Both direct clients log in as the gateway does and use as many connections. `stepwise` is
  // pg's default: one round trip per statement. `pipelined` is configured as the gateway's pool
  // and reads in one round trip, as the gateway does.
  const authenticatorUrl = info.dbUrl.replace('postgres:postgres@', 'authenticator:postgres@');
  const stepwise = new pg.Pool({ connectionString: authenticatorUrl, max: 20 });
  const pipelined = new pg.Pool({ connectionString: authenticatorUrl, max: 20, pipeline: true });
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
    // The same rows, role and claims straight through pg (the statement prepared, as REST's are).
    const scopeOf = (i: number): RequestScope => {
      const user = users[i % USERS];
      if (!user) throw new Error('no bench user');
      return {
        auth: { role: 'authenticated', claims: user.claims, token: user.token },
        method: 'GET',
        path: '/rest_todos',
        headers: {},
        readOnly: true,
      };
    };
    const viaStepwiseSql = async (i: number): Promise<void> => {
      await withRequestTransaction(stepwise, scopeOf(i), (client) =>
        client.query({ name: 'bench_read', text: SQL }),
      );
    };
    const viaOneTripSql = async (i: number): Promise<void> => {
      await readInRequest(pipelined, scopeOf(i), { name: 'bench_read', text: SQL, values: [] });
    };

    // Warm every path (connections, plans, JIT of the server's code).
    await load(viaGateway, 1000);
    await load(viaStepwiseSql, 1000);
    await load(viaOneTripSql, 1000);

    const cpuSnapshot = async (): Promise<CpuShare> => {
      const own = process.cpuUsage();
      return {
        client: (own.user + own.system) / 1000,
        gateway: await stackCpuMs(child),
        postgres: descendantsCpuMs(child.pid ?? 0),
        machine: machineBusyMs(),
      };
    };
    // The scenarios take turns, a slice of the requests each per round, so that other work on
    // the machine (it is shared) weighs on all of them alike.
    const scenarios = [
      { name: 'direct SQL, statement by statement', op: viaStepwiseSql, http: false },
      { name: 'direct SQL, one round trip', op: viaOneTripSql, http: false },
      { name: 'REST via gateway', op: viaGateway, http: true },
    ].map((scenario) => ({
      ...scenario,
      rounds: [] as { samples: number[]; seconds: number }[],
      cpu: { client: 0, gateway: 0, postgres: 0, machine: 0 } satisfies CpuShare,
    }));
    const perRound = Math.ceil(REQUESTS / ROUNDS);
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const scenario of scenarios) {
        if (scenario.http) {
          // New keep-alive sockets, opened outside the measurement: sockets idle through the
          // other scenarios could meet the server's keep-alive timeout and fail on reuse.
          freshAgent();
          await load(scenario.op, CONCURRENCY);
        }
        const before = await cpuSnapshot();
        scenario.rounds.push(await load(scenario.op, perRound));
        const after = await cpuSnapshot();
        for (const key of ['client', 'gateway', 'postgres', 'machine'] as const) {
          scenario.cpu[key] += after[key] - before[key];
        }
      }
    }
    const measured = scenarios.map((scenario) => {
      const summary = summarise(scenario.name, scenario.rounds);
      const per = (ms: number): number => ms / summary.requests;
      const { client, gateway, postgres, machine } = scenario.cpu;
      return {
        summary,
        cpu: {
          client: per(client),
          gateway: per(gateway),
          postgres: per(postgres),
          machine: per(machine),
        },
      };
    });
    const results = measured.map((m) => m.summary);
    const gatewayCpuPerRequest = measured[2]?.cpu.gateway ?? Number.NaN;

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
    console.log('CPU time per request (ms), by process:');
    console.table(
      measured.map(({ summary, cpu }) => ({
        scenario: summary.scenario,
        'load generator': cpu.client.toFixed(3),
        gateway: cpu.gateway.toFixed(3),
        PostgreSQL: cpu.postgres.toFixed(3),
        'whole machine': cpu.machine.toFixed(3),
        // Cores busy with work other than these three processes (other sessions, the OS).
        'other work, cores': (
          ((cpu.machine - cpu.client - cpu.gateway - cpu.postgres) * summary.rps) /
          1000
        ).toFixed(2),
      })),
    );
    const [stepwiseSql, oneTripSql, rest] = results;
    console.log(
      `gateway process CPU per REST request: ${gatewayCpuPerRequest.toFixed(3)} ms (Node side only; PostgreSQL not included)`,
    );
    const verdict = (baseline: Summary, judged: boolean): string => {
      if (!rest) return '';
      const share = rest.rps / baseline.rps;
      const p95Ratio = rest.p95 / baseline.p95;
      const mark = (met: boolean): string => (judged ? (met ? ' (met)' : ' (NOT met)') : '');
      return (
        `REST throughput ${(share * 100).toFixed(0)} % of ${baseline.scenario}${mark(share >= 0.75)}, ` +
        `p95 ${p95Ratio.toFixed(2)}x${mark(p95Ratio <= 1.5)}`
      );
    };
    if (stepwiseSql && oneTripSql) {
      console.log(`target (>= 75 %, p95 <= 1.5x): ${verdict(stepwiseSql, true)}`);
      console.log(`for reference: ${verdict(oneTripSql, false)}`);
    }
  } finally {
    agent.destroy();
    await Promise.all([admin.end(), stepwise.end(), pipelined.end()]);
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

if (cli.serve) await serve();
else await main();
