// Benchmark (not a test): how long `local-supabase start` takes until /auth/v1/health answers —
// truly cold (no template cache), cold with the template cache, and warm (existing data dir) —
// and the resident memory of the running stack (Node gateway + PostgreSQL + any Deno workers).
//
//   pnpm --filter @alawein/local-supabase bench [--project-root <dir>] [--runs 3]
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEMO_ANON_KEY, findProjectRoot, inheritedEnv } from '../src/config.ts';
import { freePort } from '../src/free-port.ts';

const LAUNCHER = fileURLToPath(new URL('../bin/local-supabase.js', import.meta.url));

const { values } = parseArgs({
  options: { 'project-root': { type: 'string' }, runs: { type: 'string', default: '3' } },
});
const projectRoot = path.resolve(
  values['project-root'] ?? findProjectRoot(process.cwd()) ?? process.cwd(),
);
const runs = Math.max(1, Number(values.runs));

interface Started {
  child: ChildProcess;
  ms: number;
  apiUrl: string;
}

async function healthy(apiUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${apiUrl}/auth/v1/health`, {
      headers: { apikey: DEMO_ANON_KEY },
    });
    return response.ok;
  } catch {
    return false;
  }
}

/** Spawns the CLI exactly as a developer runs it and times it until the gateway answers. */
async function start(dataDir: string, env: Record<string, string> = {}): Promise<Started> {
  const [apiPort, dbPort] = [await freePort(), await freePort()];
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const began = performance.now();
  const child = spawn(
    process.execPath,
    [
      LAUNCHER,
      'start',
      '--quiet',
      '--project-root',
      projectRoot,
      '--data-dir',
      dataDir,
      '--api-port',
      String(apiPort),
      '--db-port',
      String(dbPort),
    ],
    { env: inheritedEnv(env), stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`stack exited during start: ${stderr}`);
    if (await healthy(apiUrl)) return { child, ms: performance.now() - began, apiUrl };
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function stop(started: Started): Promise<number> {
  const began = performance.now();
  await new Promise<void>((resolve) => {
    started.child.once('exit', () => resolve());
    started.child.kill('SIGTERM');
  });
  return performance.now() - began;
}

/** RSS (MiB) of a process and all its descendants (PostgreSQL backends, Deno workers). */
function treeRssMiB(rootPid: number): number {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,rss='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number) as [number, number, number]);
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of rows) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const rss = new Map(rows.map(([pid, , kb]) => [pid, kb]));
  let total = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total / 1024;
}

/** PostgreSQL runs in its own process group; find it through the data dir's postmaster.pid. */
function postgresRssMiB(dataDir: string): number {
  const pid = Number(
    execFileSync('head', ['-1', path.join(dataDir, 'db', 'postmaster.pid')], {
      encoding: 'utf8',
    }).trim(),
  );
  return treeRssMiB(pid);
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const scratch = await mkdtemp(path.join(tmpdir(), 'local-supabase-bench-'));
const results: [string, string][] = [];
try {
  // 1. Truly cold: an empty TMPDIR means no template cache: initdb, bootstrap, migrations, seed.
  const coldTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const emptyTmp = await mkdtemp(path.join(scratch, 'tmp-'));
    const started = await start(path.join(scratch, `cold-${i}`), { TMPDIR: emptyTmp });
    coldTimes.push(started.ms);
    await stop(started);
  }
  results.push([
    'cold start, no template cache (initdb + bootstrap + migrations + seed)',
    fmt(median(coldTimes)),
  ]);

  // 2. Cold with the template cache (every test run and reset after the first).
  await stop(await start(path.join(scratch, 'prime')));
  const templTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = await start(path.join(scratch, `templ-${i}`));
    templTimes.push(started.ms);
    await stop(started);
  }
  results.push(['cold start, new data dir from the template cache', fmt(median(templTimes))]);

  // 3. Warm: the data dir exists; only new migrations (none) apply.
  const warmDir = path.join(scratch, 'templ-0');
  const warmTimes: number[] = [];
  const stopTimes: number[] = [];
  let rss = { node: 0, postgres: 0 };
  for (let i = 0; i < runs; i++) {
    const started = await start(warmDir);
    warmTimes.push(started.ms);
    if (i === runs - 1) {
      // A few requests first, so the figure is of a stack that has served something.
      for (let n = 0; n < 20; n++) await healthy(started.apiUrl);
      rss = { node: treeRssMiB(started.child.pid!), postgres: postgresRssMiB(warmDir) };
    }
    stopTimes.push(await stop(started));
  }
  results.push(['warm start (existing data dir) to healthy', fmt(median(warmTimes))]);
  results.push(['stop (SIGTERM to exit)', fmt(median(stopTimes))]);
  results.push([
    'RSS: gateway process (Node + services + Deno workers)',
    `${rss.node.toFixed(0)} MiB`,
  ]);
  results.push(['RSS: PostgreSQL (postmaster + backends)', `${rss.postgres.toFixed(0)} MiB`]);
  results.push(['RSS: whole stack', `${(rss.node + rss.postgres).toFixed(0)} MiB`]);
} finally {
  await rm(scratch, { recursive: true, force: true });
}

console.log(
  `local-supabase stack benchmark — project ${projectRoot}, median of ${runs} run(s), times include Node + tsx start-up`,
);
// Start-up is CPU-bound: figures on a busy machine say little without its load.
console.log(
  `  (${cpus().length} CPUs, load average ${loadavg()
    .map((load) => load.toFixed(1))
    .join(' / ')} at the end)`,
);
const width = Math.max(...results.map(([label]) => label.length));
for (const [label, value] of results) console.log(`  ${label.padEnd(width)}  ${value}`);
