// The CLI as a developer runs it: start in the foreground, status (exit 0 only when up), a second
// start that finds the first, reset in place, stop through the data dir's stack.json.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ANON_KEY, DEMO_SERVICE_ROLE_KEY } from '../src/config.ts';
import { freePort } from '../src/free-port.ts';
import { FIXTURE_PROJECT } from './support/function-project.ts';

const LAUNCHER = fileURLToPath(new URL('../bin/local-supabase.js', import.meta.url));
const execFileAsync = promisify(execFile);

let dataDir: string;
let args: string[];
let dbUrl: string;
let foreground: ChildProcess | undefined;

async function cli(
  ...command: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execFileAsync(
      process.execPath,
      [LAUNCHER, ...command, ...args],
      { timeout: 120_000 },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'cli-test-'));
  const [apiPort, dbPort, inboxPort] = [await freePort(), await freePort(), await freePort()];
  dbUrl = `postgresql://postgres:postgres@127.0.0.1:${dbPort}/postgres`;
  args = [
    '--project-root',
    FIXTURE_PROJECT,
    '--data-dir',
    dataDir,
    '--api-port',
    String(apiPort),
    '--db-port',
    String(dbPort),
    '--inbox-port',
    String(inboxPort),
  ];
});

afterAll(async () => {
  if (foreground && foreground.exitCode === null) {
    foreground.kill('SIGTERM');
    await new Promise((resolve) => foreground!.once('exit', resolve));
  }
  await rm(dataDir, { recursive: true, force: true });
});

describe('local-supabase CLI', () => {
  it('status exits 1 while nothing runs', async () => {
    const status = await cli('status');
    expect(status.code).toBe(1);
    expect(status.stdout).toMatch(/not running/);
  });

  it('start runs in the foreground and prints the URLs and keys', async () => {
    foreground = spawn(process.execPath, [LAUNCHER, 'start', '--quiet', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    foreground.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await expect
      .poll(() => output, { timeout: 90_000, interval: 100 })
      .toMatch(/Press Ctrl-C to stop/);
    expect(output).toContain(DEMO_ANON_KEY);
    expect(output).toContain(dbUrl);
  });

  it('status exits 0 and prints what `supabase status` prints', async () => {
    const status = await cli('status');
    expect(status.code).toBe(0);
    for (const label of ['API URL', 'DB URL', 'JWT secret', 'anon key', 'service_role key']) {
      expect(status.stdout).toContain(label);
    }
    expect(status.stdout).toContain(DEMO_SERVICE_ROLE_KEY);
  });

  it('a second start says a stack already runs and exits 0', async () => {
    const second = await cli('start');
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/already running/);
  });

  it("reset empties the running stack's database back to migrations + seed", async () => {
    const db = new pg.Client({ connectionString: dbUrl });
    await db.connect();
    await db.query(
      `insert into public.notes (owner_id, body) values ('00000000-0000-4000-8000-000000000001', 'scratch')`,
    );
    await db.end();
    const reset = await cli('reset');
    expect(reset.code).toBe(0);
    const after = new pg.Client({ connectionString: dbUrl });
    await after.connect();
    const { rows } = await after.query<{ body: string }>(
      'select body from public.notes order by id',
    );
    await after.end();
    expect(rows).toEqual([{ body: 'seeded note' }]);
  });

  it('stop ends the foreground stack cleanly (exit 0) and status turns to 1', async () => {
    const exited = new Promise<number | null>((resolve) =>
      foreground!.once('exit', (code) => resolve(code)),
    );
    const stop = await cli('stop');
    expect(stop.code).toBe(0);
    expect(await exited).toBe(0);
    expect((await cli('status')).code).toBe(1);
  });
});
