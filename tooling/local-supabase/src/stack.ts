// Starts and stops the whole stack: PostgreSQL (created from the template cache when new),
// bootstrap and migrations, the api pools, every service, the schema-reload listener and the gateway.
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { createLogger, type Logger } from '@alawein/logger';
import { resolveConfig, type ConfigOptions } from './config.ts';
import type { StackConfig, StackContext, StackService } from './context.ts';
import { createCluster } from './db/cluster.ts';
import { applyBootstrap, applyMigrations } from './db/migrate.ts';
import { isCluster, startPostgres, type RunningPostgres } from './db/postgres.ts';
import { startGateway, type RunningGateway } from './gateway/server.ts';
import { Mailbox } from './inbox/mailbox.ts';
import { startInbox, type RunningInbox } from './inbox/server.ts';
import { serviceFactories } from './services.ts';
import {
  claimStackFile,
  removeStackFile,
  runningPostmaster,
  waitForExit,
  writeStackFile,
} from './stack-file.ts';

export interface StartStackOptions extends ConfigOptions {
  /** Throw the database away first: new cluster, migrations, seed. */
  fresh?: boolean;
  /** Only warnings and errors are logged (no access log). */
  quiet?: boolean;
  /** A throw-away stack (tests, benchmarks): PostgreSQL skips fsync. */
  ephemeral?: boolean;
  /** Build new clusters through the template cache (default true); false measures a true cold start. */
  useTemplate?: boolean;
  logger?: Logger;
}

export interface RunningStack {
  config: StackConfig;
  /** The local inbox's URL (page and Mailpit-style API); undefined when `[local_smtp]` is off. */
  inboxUrl: string | undefined;
  /** Stops the gateway, the services and PostgreSQL. */
  stop(): Promise<void>;
  /** Replaces the database with a fresh one (migrations + seed) and restarts the services. */
  reset(): Promise<void>;
}

/** The folder inside dataDir that holds the PostgreSQL cluster. */
export function clusterDirOf(config: StackConfig): string {
  return path.join(config.dataDir, 'db');
}

export function authenticatorUrl(config: StackConfig): string {
  return `postgresql://authenticator:postgres@127.0.0.1:${config.dbPort}/postgres`;
}

/**
 * Stops a PostgreSQL whose stack process died (killed with SIGKILL, say) so the new stack can take
 * its cluster over. Runs after the data dir was claimed, so the cluster is ours.
 */
async function stopOrphanPostgres(config: StackConfig, logger: Logger): Promise<void> {
  const orphan = runningPostmaster(clusterDirOf(config));
  if (orphan === undefined) return;
  logger.warn('stopping a PostgreSQL left behind by a previous stack', { pid: orphan });
  process.kill(orphan, 'SIGINT');
  if (!(await waitForExit(orphan, 15_000)))
    throw new Error(`PostgreSQL (pid ${orphan}) did not stop`);
}

interface Parts {
  postgres: RunningPostgres;
  adminPool: pg.Pool;
  apiPool: pg.Pool;
  listener: pg.Client;
  services: StackService[];
  gateway: RunningGateway;
}

async function boot(
  config: StackConfig,
  options: StartStackOptions,
  logger: Logger,
  mailbox: Mailbox | undefined,
): Promise<Parts> {
  const started = performance.now();
  const clusterDir = clusterDirOf(config);
  await mkdir(config.dataDir, { recursive: true });
  if (options.fresh) await rm(clusterDir, { recursive: true, force: true });
  await stopOrphanPostgres(config, logger);
  const created = !isCluster(clusterDir);
  if (created) {
    if (existsSync(clusterDir)) await rm(clusterDir, { recursive: true, force: true });
    await createCluster(clusterDir, config.projectRoot, { useTemplate: options.useTemplate });
  }
  const postgres = await startPostgres({
    clusterDir,
    port: config.dbPort,
    ephemeral: options.ephemeral,
  }).catch((error: Error) => {
    if (/postmaster\.pid|lock file/.test(error.message)) {
      throw new Error(
        `another PostgreSQL already uses ${clusterDir} (is a stack running? try \`local-supabase stop\`)`,
      );
    }
    throw error;
  });
  const cleanup: (() => Promise<unknown>)[] = [() => postgres.stop()];
  try {
    const adminPool = new pg.Pool({ connectionString: config.dbUrl, max: 5 });
    // Pipelining: a request transaction's set-up travels with its query (see request-transaction.ts).
    const apiPool = new pg.Pool({
      connectionString: authenticatorUrl(config),
      max: 20,
      pipeline: true,
    });
    for (const pool of [adminPool, apiPool]) {
      pool.on('error', (error) =>
        logger.warn('idle database connection failed', { error: error.message }),
      );
    }
    cleanup.unshift(
      () => adminPool.end(),
      () => apiPool.end(),
    );

    const admin = await adminPool.connect();
    try {
      if (!created) {
        await applyBootstrap(admin);
        const applied = await applyMigrations(admin, config.projectRoot);
        if (applied.length) logger.info('migrations applied', { migrations: applied });
      }
    } finally {
      admin.release();
    }

    const ctx: StackContext = { config, adminPool, apiPool, logger, mailbox };
    const services: StackService[] = [];
    for (const factory of serviceFactories) {
      const service = await factory(ctx);
      services.push(service);
      cleanup.unshift(() => service.close());
    }
    const reloadAll = async (): Promise<void> => {
      await Promise.all(services.map((service) => service.reload?.() ?? Promise.resolve()));
    };
    await reloadAll();

    const listener = await listenForSchemaReloads(config, logger, reloadAll);
    cleanup.unshift(() => listener.end());
    const gateway = await startGateway({
      port: config.apiPort,
      services,
      logger,
      access: config.access,
    });
    logger.info('stack ready', {
      api_url: config.apiUrl,
      db_url: config.dbUrl,
      new_database: created,
      duration_ms: Math.round(performance.now() - started),
    });
    return { postgres, adminPool, apiPool, listener, services, gateway };
  } catch (error) {
    for (const step of cleanup) await step().catch(() => undefined);
    throw error;
  }
}

/** LISTEN pgrst on a dedicated connection: `NOTIFY pgrst, 'reload schema'` reloads every service. */
async function listenForSchemaReloads(
  config: StackConfig,
  logger: Logger,
  reloadAll: () => Promise<void>,
): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: config.dbUrl });
  client.on('error', (error) =>
    logger.warn('schema-reload listener failed', { error: error.message }),
  );
  let pending: NodeJS.Timeout | undefined;
  client.on('notification', (message) => {
    if (message.channel !== 'pgrst') return;
    const payload = message.payload ?? '';
    if (payload !== '' && payload !== 'reload schema') return;
    // Migrations often notify several times in a row; reload once.
    clearTimeout(pending);
    pending = setTimeout(() => {
      reloadAll().then(
        () => logger.info('schema reloaded'),
        (error: Error) => logger.error('schema reload failed', { error: error.message }),
      );
    }, 50);
  });
  await client.connect();
  await client.query('listen pgrst');
  return client;
}

async function shutdown(parts: Parts): Promise<void> {
  // The server stops accepting at once, but its close() waits for upgraded WebSockets, which only
  // their services can end: close those while the server winds down.
  const gatewayClosed = parts.gateway.close();
  for (const service of [...parts.services].reverse()) await service.close().catch(() => undefined);
  await gatewayClosed;
  await parts.listener.end().catch(() => undefined);
  await Promise.allSettled([parts.apiPool.end(), parts.adminPool.end()]);
  await parts.postgres.stop();
}

/** Starts PostgreSQL, applies new migrations, mounts every service and listens on apiPort. */
export async function startStack(options: StartStackOptions = {}): Promise<RunningStack> {
  const config = resolveConfig(options);
  const logger =
    options.logger ??
    createLogger({
      level: options.quiet ? 'warn' : 'info',
      context: { service: 'local-supabase' },
    });
  const record = {
    pid: process.pid,
    apiUrl: config.apiUrl,
    apiPort: config.apiPort,
    dbPort: config.dbPort,
    startedAt: new Date().toISOString(),
    resets: 0,
  };
  await mkdir(config.dataDir, { recursive: true });
  await claimStackFile(config.dataDir, record);
  // The inbox outlives resets: mails already sent stay readable.
  const mailbox = config.inbox ? new Mailbox() : undefined;
  let inbox: RunningInbox | undefined;
  let parts: Parts | undefined;
  try {
    if (mailbox && config.inbox)
      inbox = await startInbox(mailbox, config.inbox.port, config.access);
    parts = await boot(config, options, logger, mailbox);
  } catch (error) {
    await inbox?.close();
    await removeStackFile(config.dataDir, process.pid);
    throw error;
  }
  return {
    config,
    inboxUrl: inbox?.url,
    async stop() {
      const current = parts;
      parts = undefined;
      if (current) await shutdown(current);
      await inbox?.close();
      await removeStackFile(config.dataDir, process.pid);
    },
    async reset() {
      if (parts) await shutdown(parts);
      parts = undefined;
      try {
        parts = await boot(config, { ...options, fresh: true }, logger, mailbox);
        record.resets += 1;
        await writeStackFile(config.dataDir, record);
      } catch (error) {
        await writeStackFile(config.dataDir, { ...record, error: (error as Error).message });
        throw error;
      }
    },
  };
}
