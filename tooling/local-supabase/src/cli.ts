// `local-supabase <command>`: start | dev | status | stop | reset | types. Mirrors the Supabase
// CLI's `start`/`status`/`stop`/`db reset`/`gen types` for the Docker-less stack.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { resolveConfig, type ConfigOptions } from './config.ts';
import type { StackConfig } from './context.ts';
import { freePort, isPortInUse } from './free-port.ts';
import { isAlive, readStackFile, waitForExit } from './stack-file.ts';
import { startStack, type RunningStack } from './stack.ts';
import { defaultTypesFile, writeTypes } from './types.ts';

const USAGE = `Usage: local-supabase <command> [options]

Commands:
  start    run the stack in the foreground (Ctrl-C stops it); says so if one already runs
  dev      like start, but when a stack already runs, wait quietly until killed (for turbo's "with")
  status   print the URLs and keys; exit 0 only when the stack answers
  stop     stop the stack started from this project's data dir
  reset    fresh database: bootstrap, migrations, seed (in the running stack, or offline)
  types    write packages/supabase-client/src/database.types.ts with @supabase/postgres-meta

Options:
  --project-root <dir>   folder holding supabase/ (default: found from the current folder)
  --data-dir <dir>       database and storage files (default: <root>/.supabase-local)
  --api-port <port>      default: [api] port in supabase/config.toml, else 54321
  --db-port <port>       default: [db] port in supabase/config.toml, else 54322
  --inbox-port <port>    default: [local_smtp] port in supabase/config.toml, else 54324
  --fresh                start: throw the database away first
  --out <file>           types: where to write (default: packages/supabase-client/src/database.types.ts)
  --quiet                start/dev: no access log
`;

function print(line = ''): void {
  process.stdout.write(`${line}\n`);
}

function fail(message: string): never {
  process.stderr.write(`local-supabase: ${message}\n`);
  process.exit(1);
}

/** True when a stack's gateway answers `/auth/v1/health` at the configured URL. */
async function isUp(config: StackConfig): Promise<boolean> {
  try {
    const response = await fetch(`${config.apiUrl}/auth/v1/health`, {
      headers: { apikey: config.anonKey },
      signal: AbortSignal.timeout(1500),
    });
    return response.ok;
  } catch {
    return false;
  }
}

function printStatus(config: StackConfig): void {
  const rows: [string, string][] = [
    ['API URL', config.apiUrl],
    ['REST URL', `${config.apiUrl}/rest/v1`],
    ['DB URL', config.dbUrl],
    ['JWT secret', config.jwtSecret],
    ['anon key', config.anonKey],
    ['service_role key', config.serviceRoleKey],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) print(`${label.padStart(width)}: ${value}`);
}

/** The first of the stack's ports something else listens on, if any. */
async function busyPort(config: StackConfig): Promise<string | undefined> {
  for (const [name, port] of [
    ['API', config.apiPort],
    ['database', config.dbPort],
  ] as const) {
    if (await isPortInUse(port)) return `port ${port} (${name})`;
  }
  return undefined;
}

async function assertPortsFree(config: StackConfig): Promise<void> {
  const busy = await busyPort(config);
  if (busy)
    fail(
      `${busy} is in use by another program; free it or set another port in supabase/config.toml`,
    );
}

/** Waits up to `ms` for a stack being started by someone else (another `dev`) to answer. */
async function becomesUp(config: StackConfig, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await isUp(config)) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

/** Runs the stack until SIGINT/SIGTERM; SIGUSR2 (sent by `reset`) resets the database in place. */
async function runForeground(
  config: StackConfig,
  options: ConfigOptions & { fresh: boolean; quiet: boolean; share: boolean },
) {
  if (!options.share) await assertPortsFree(config);
  print('Starting local Supabase (embedded PostgreSQL 15)...');
  let stack: RunningStack;
  try {
    stack = await startStack({ ...options, fresh: options.fresh, quiet: options.quiet });
  } catch (error) {
    const lostRace = /already runs|already in use|Address already in use/.test(
      (error as Error).message,
    );
    if (options.share && lostRace && (await becomesUp(config, 60_000))) {
      idle(
        `A local Supabase stack is already running at ${config.apiUrl}. Sharing it; this task idles until stopped.`,
      );
      return;
    }
    fail((error as Error).message);
  }
  print('Started local Supabase.\n');
  printStatus(config);
  print('\nPress Ctrl-C to stop.');
  let busy: Promise<void> = Promise.resolve();
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    print(`\n${signal}: stopping local Supabase...`);
    busy
      .then(() => stack.stop())
      .then(
        () => {
          print('Stopped.');
          process.exit(0);
        },
        (error: Error) => fail(`stop failed: ${error.message}`),
      );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGUSR2', () => {
    busy = busy.then(async () => {
      print('Resetting the database...');
      try {
        await stack.reset();
        print('Database reset.');
      } catch (error) {
        print(`Reset failed: ${(error as Error).message}`);
      }
    });
  });
}

/** Keeps the process alive (turbo's `with` expects a persistent task) until it is told to stop. */
function idle(message: string): void {
  print(message);
  const timer = setInterval(() => undefined, 1 << 30);
  const quit = () => {
    clearInterval(timer);
    process.exit(0);
  };
  process.on('SIGINT', quit);
  process.on('SIGTERM', quit);
}

async function commandStop(config: StackConfig): Promise<void> {
  const owner = readStackFile(config.dataDir);
  if (!owner || !isAlive(owner.pid)) {
    print(`No local Supabase running from ${config.dataDir}.`);
    return;
  }
  process.kill(owner.pid, 'SIGTERM');
  if (!(await waitForExit(owner.pid, 30_000)))
    fail(`the stack (pid ${owner.pid}) did not stop within 30 s`);
  print('Stopped local Supabase.');
}

async function commandReset(config: StackConfig, options: ConfigOptions): Promise<void> {
  const owner = readStackFile(config.dataDir);
  if (owner && isAlive(owner.pid)) {
    process.kill(owner.pid, 'SIGUSR2');
    const deadline = Date.now() + 120_000;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const now = readStackFile(config.dataDir);
      if (now?.error) fail(`reset failed: ${now.error}`);
      if (now && now.resets > owner.resets && (await isUp(config))) break;
      if (Date.now() > deadline) fail('the running stack did not finish the reset within 120 s');
    }
    print('Reset the database of the running stack (migrations and seed applied).');
    return;
  }
  await assertPortsFree(config);
  const stack = await startStack({ ...options, fresh: true, quiet: true });
  await stack.stop();
  print('Reset the local database (migrations and seed applied).');
}

async function commandTypes(
  config: StackConfig,
  options: ConfigOptions,
  out: string | undefined,
): Promise<void> {
  const file = path.resolve(out ?? defaultTypesFile(config.projectRoot));
  if (await isUp(config)) {
    await writeTypes(config.dbUrl, file);
  } else {
    // No stack running: a temporary one on free ports, so nothing the user runs is disturbed.
    const dataDir = await mkdtemp(path.join(tmpdir(), 'local-supabase-types-'));
    try {
      const stack = await startStack({
        projectRoot: options.projectRoot,
        dataDir,
        apiPort: await freePort(),
        dbPort: await freePort(),
        quiet: true,
        ephemeral: true,
      });
      try {
        await writeTypes(stack.config.dbUrl, file);
      } finally {
        await stack.stop();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }
  print(`Wrote ${path.relative(process.cwd(), file) || file}`);
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      'project-root': { type: 'string' },
      'data-dir': { type: 'string' },
      'api-port': { type: 'string' },
      'db-port': { type: 'string' },
      'inbox-port': { type: 'string' },
      fresh: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const command = positionals[0];
  if (values.help || !command) {
    print(USAGE);
    process.exit(command || values.help ? 0 : 1);
  }
  const port = (value: string | undefined, flag: string): number | undefined => {
    if (value === undefined) return undefined;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 1 || parsed > 65535)
      fail(`${flag} must be a port number`);
    return parsed;
  };
  const options: ConfigOptions = {
    projectRoot: values['project-root'],
    dataDir: values['data-dir'],
    apiPort: port(values['api-port'], '--api-port'),
    dbPort: port(values['db-port'], '--db-port'),
    inboxPort: port(values['inbox-port'], '--inbox-port'),
  };
  let config: StackConfig;
  try {
    config = resolveConfig(options);
  } catch (error) {
    fail((error as Error).message);
  }

  switch (command) {
    case 'start':
    case 'dev':
      if (await isUp(config)) {
        const message = `A local Supabase stack is already running at ${config.apiUrl}.`;
        if (command === 'start') {
          print(message);
          return;
        }
        idle(`${message} Sharing it; this task idles until stopped.`);
        return;
      }
      // Several `pnpm dev --filter <app>` started together race for the ports: the losers share.
      if (command === 'dev' && (await busyPort(config)) && (await becomesUp(config, 60_000))) {
        idle(
          `A local Supabase stack is already running at ${config.apiUrl}. Sharing it; this task idles until stopped.`,
        );
        return;
      }
      await runForeground(config, {
        ...options,
        fresh: values.fresh,
        quiet: values.quiet,
        share: command === 'dev',
      });
      return;
    case 'status':
      if (!(await isUp(config))) {
        print(`local Supabase is not running (nothing answers at ${config.apiUrl}).`);
        process.exit(1);
      }
      print('local Supabase is running.\n');
      printStatus(config);
      return;
    case 'stop':
      await commandStop(config);
      return;
    case 'reset':
      await commandReset(config, options);
      return;
    case 'types':
      await commandTypes(config, options, values.out);
      return;
    default:
      process.stderr.write(USAGE);
      fail(`unknown command "${command}"`);
  }
}

main().catch((error: Error) => fail(error.message));
