// Test helper: a whole stack on free ports with a throw-away data dir, or — when SUPABASE_TEST_URL
// is set — the Supabase those variables point at (`supabase start`, a hosted project) and nothing started.
import {
  createClient,
  type SupabaseClient,
  type SupabaseClientOptions,
} from '@supabase/supabase-js';
import WebSocket from 'ws';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readTestTarget } from './config.ts';
import { freePort } from './free-port.ts';
import { startStack } from './stack.ts';

export interface TestStack {
  /** Set when this process started the stack. */
  projectRoot?: string;
  url: string;
  anonKey: string;
  serviceRoleKey: string;
  /** Superuser database URL; undefined for a remote target without SUPABASE_TEST_DB_URL. */
  dbUrl: string | undefined;
  /** True when this process started the stack (false: SUPABASE_TEST_URL points elsewhere). */
  local: boolean;
  /** The inbox's Mailpit-style API (local inbox, or SUPABASE_TEST_INBOX_URL); undefined: none. */
  inboxUrl: string | undefined;
  stop(): Promise<void>;
}

export interface TestStackOptions {
  /** Project whose supabase/migrations and seed.sql make the database; default: found from cwd. */
  projectRoot?: string;
  /** Log the access log and startup (default: warnings only). */
  verbose?: boolean;
}

/** A stack started once per test run (by a globalSetup) and handed to the test files. */
export interface SharedTestStack {
  projectRoot: string;
  url: string;
  anonKey: string;
  serviceRoleKey: string;
  dbUrl: string | undefined;
  local: boolean;
  inboxUrl: string | undefined;
}

let shared: SharedTestStack | undefined;

/**
 * Makes `startTestStack` (for the same project) return `stack` instead of starting one — call it
 * from a setupFiles module with what the globalSetup provided, so every test file shares one stack.
 */
export function useSharedTestStack(stack: SharedTestStack | undefined): void {
  shared = stack;
}

async function freePorts(count: number): Promise<number[]> {
  const ports: number[] = [];
  while (ports.length < count) {
    const port = await freePort();
    if (!ports.includes(port)) ports.push(port);
  }
  return ports;
}

/**
 * Starts a stack for a test run (call it once, from a globalSetup). Cold start is quick because
 * new clusters are copied from a template cached in the OS temp folder per migrations fingerprint.
 */
export async function startTestStack(options: TestStackOptions = {}): Promise<TestStack> {
  const target = readTestTarget();
  if (target) return { ...target, local: false, stop: () => Promise.resolve() };
  if (shared && path.resolve(options.projectRoot ?? shared.projectRoot) === shared.projectRoot) {
    const { projectRoot: _root, ...endpoints } = shared;
    return { ...endpoints, stop: () => Promise.resolve() };
  }

  const dataDir = await mkdtemp(path.join(tmpdir(), 'local-supabase-test-'));
  const [apiPort, dbPort, inboxPort] = await freePorts(3);
  try {
    const stack = await startStack({
      projectRoot: options.projectRoot,
      dataDir,
      apiPort,
      dbPort,
      inboxPort,
      quiet: !options.verbose,
      ephemeral: true,
    });
    return {
      projectRoot: stack.config.projectRoot,
      url: stack.config.apiUrl,
      anonKey: stack.config.anonKey,
      serviceRoleKey: stack.config.serviceRoleKey,
      dbUrl: stack.config.dbUrl,
      local: true,
      inboxUrl: stack.inboxUrl,
      async stop() {
        await stack.stop();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * supabase-js as a Node script or test uses it: no persisted session or refresh timer, and `ws`
 * as the realtime transport (Node 20 has no global WebSocket). `options` are merged in.
 */
export function createNodeClient(
  url: string,
  key: string,
  options: SupabaseClientOptions<'public'> = {},
): SupabaseClient {
  // Untyped (no generated Database here): callers assert on the data itself.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-return
  return createClient(url, key, {
    ...options,
    auth: {
      persistSession: false,
      autoRefreshToken: false,
      detectSessionInUrl: false,
      ...options.auth,
    },
    realtime: { transport: WebSocket as never, ...options.realtime },
  });
}
