// `/functions/v1/<name>`: the project's edge functions, each run by real Deno (npm `deno`) in a
// warm worker process, behind the relay checks hosted Supabase does (verify_jwt, limits).
import { statSync } from 'node:fs';
import path from 'node:path';
import { Hono, type Context } from 'hono';
import { verifyJwt } from '../auth/jwt.ts';
import { denoCacheDir, toolchainEnv } from '../config.ts';
import type { ServiceFactory, StackContext, StackService } from '../context.ts';
import { bearerToken } from '../gateway/request-auth.ts';
import { denoBinary } from './deno-binary.ts';
import { relayToWorker, RelayError } from './proxy.ts';
import { FunctionRuntime } from './runtime.ts';
import { readFunctionSettings, type FunctionSettings } from './settings.ts';
import { WorkerBootError } from './worker.ts';

export const FUNCTIONS_BASE_PATH = '/functions/v1';

export interface FunctionsServiceOptions {
  /** Wall-clock limit per request, body streaming included. Default 60 s. */
  requestTimeoutMs?: number;
  /** How long a cold worker may take to listen (first runs download npm packages). Default 60 s. */
  bootTimeoutMs?: number;
  /** Largest request body relayed to a function. Default 50 MiB. */
  bodyLimit?: number;
  /** Restart workers when function sources change. Default true. */
  watch?: boolean;
}

const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;
const DEFAULT_BOOT_TIMEOUT_MS = 60_000;
const DEFAULT_BODY_LIMIT = 50 * 1024 * 1024;

/**
 * The environment hosted Supabase gives every function, plus what Deno needs to fetch modules —
 * never the rest of the developer's or CI's environment (their secrets).
 */
export function functionEnvironment(ctx: Pick<StackContext, 'config'>): Record<string, string> {
  const { config } = ctx;
  return {
    ...toolchainEnv(),
    SUPABASE_URL: config.apiUrl,
    SUPABASE_ANON_KEY: config.anonKey,
    SUPABASE_SERVICE_ROLE_KEY: config.serviceRoleKey,
    SUPABASE_DB_URL: config.dbUrl,
    DENO_NO_UPDATE_CHECK: '1',
    DENO_NO_PACKAGE_JSON: '1',
    NO_COLOR: '1',
  };
}

/**
 * Remembers tokens whose signature checked out until they expire: an app's every invoke
 * carries the same token, and HMAC verification is the relay's largest per-request cost.
 */
class VerifiedTokenCache {
  private readonly expiries = new Map<string, number>();
  private static readonly MAX_ENTRIES = 1000;

  constructor(private readonly secret: string) {}

  async isValid(token: string): Promise<boolean> {
    const now = Date.now() / 1000;
    const exp = this.expiries.get(token);
    if (exp !== undefined) {
      if (exp > now) return true;
      this.expiries.delete(token);
    }
    const verified = await verifyJwt(token, this.secret);
    if (!verified.ok) return false;
    if (this.expiries.size >= VerifiedTokenCache.MAX_ENTRIES) this.expiries.clear();
    this.expiries.set(
      token,
      typeof verified.claims.exp === 'number' ? verified.claims.exp : Infinity,
    );
    return true;
  }
}

function configVersion(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function relayErrorResponse(
  c: Context,
  status: 502 | 503 | 504,
  code: string,
  message: string,
): Response {
  c.header('x-relay-error', 'true');
  return c.json({ code, message }, status);
}

/** Builds the functions service; `options` exist for tests and the benchmark. */
export function createFunctionsService(
  ctx: Pick<StackContext, 'config' | 'logger'>,
  options: FunctionsServiceOptions = {},
): Promise<StackService> {
  const functionsDir = path.join(ctx.config.projectRoot, 'supabase', 'functions');
  const logger = ctx.logger.child({ service: 'functions' });
  const requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const configFile = path.join(ctx.config.projectRoot, 'supabase', 'config.toml');
  let settings: Map<string, FunctionSettings> = readFunctionSettings(ctx.config.projectRoot);
  let settingsVersion = configVersion(configFile);
  // config.toml edits apply to the next request, like function sources do.
  const currentSettings = () => {
    const version = configVersion(configFile);
    if (version === settingsVersion) return settings;
    settingsVersion = version;
    try {
      settings = readFunctionSettings(ctx.config.projectRoot);
    } catch (error) {
      logger.error(
        'supabase/config.toml could not be read; keeping the previous function settings',
        { error },
      );
    }
    return settings;
  };
  const runtime = new FunctionRuntime({
    functionsDir,
    denoBin: denoBinary(),
    baseEnv: functionEnvironment(ctx),
    bootTimeoutMs: options.bootTimeoutMs ?? DEFAULT_BOOT_TIMEOUT_MS,
    logger,
    watch: options.watch ?? true,
    retireGraceMs: requestTimeoutMs,
    readPaths: [denoCacheDir()],
  });

  const jwtCheck = new VerifiedTokenCache(ctx.config.jwtSecret);
  const app = new Hono();
  app.all('/:name{[^/]+}/*', handle);
  app.all('/:name{[^/]+}', handle);

  async function handle(c: Context): Promise<Response> {
    const name = c.req.param('name')!;
    const setting = currentSettings().get(name);
    if (setting?.enabled === false || !runtime.exists(name)) {
      return c.json({ code: 'NOT_FOUND', message: 'Requested function was not found' }, 404);
    }
    if (c.req.method !== 'OPTIONS' && (setting?.verifyJwt ?? true)) {
      const token = bearerToken(c.req.header('authorization'));
      if (!token || !(await jwtCheck.isValid(token))) return c.json({ msg: 'Invalid JWT' }, 401);
    }
    const url = new URL(c.req.url);
    const base = url.pathname.indexOf(`${FUNCTIONS_BASE_PATH}/`);
    const targetPath =
      (base >= 0 ? url.pathname.slice(base + FUNCTIONS_BASE_PATH.length) : url.pathname) +
      url.search;
    let worker;
    try {
      worker = await runtime.acquire(name);
    } catch (error) {
      if (!(error instanceof WorkerBootError)) throw error;
      logger.error('function failed to boot', { function: name, reason: error.message });
      return relayErrorResponse(
        c,
        503,
        'BOOT_ERROR',
        `Function failed to boot: ${error.message} (see the stack's logs)`,
      );
    }
    try {
      return await relayToWorker({
        worker,
        request: c.req.raw,
        targetPath,
        timeoutMs: requestTimeoutMs,
        onWorkerFailed: (failed) => runtime.discard(failed),
      });
    } catch (error) {
      if (!(error instanceof RelayError)) throw error;
      // Nobody is left to answer; 499 is what proxies log for this.
      if (error.failure.kind === 'aborted') return new Response(null, { status: 499 });
      logger.error('function request failed', { function: name, reason: error.message });
      return error.failure.kind === 'timeout'
        ? relayErrorResponse(c, 504, 'WORKER_TIMEOUT', error.message)
        : relayErrorResponse(c, 502, 'WORKER_ERROR', `${error.message} (see the stack's logs)`);
    }
  }

  return Promise.resolve({
    basePath: FUNCTIONS_BASE_PATH,
    app,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    close: () => runtime.close(),
  });
}

export const functionsServiceFactory: ServiceFactory = (ctx) => createFunctionsService(ctx);
