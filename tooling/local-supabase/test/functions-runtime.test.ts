// The functions relay on its own (no database needed): real Deno workers behind the service's
// Hono app, called with the real supabase-js. Covers what needs a private project — a short time
// limit, `.env`, source edits that must reload — and the relay's failure handling.
/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument -- functions-js types `error` as any, and vitest's asymmetric matchers are any */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import {
  FunctionsHttpError,
  FunctionsRelayError,
  type SupabaseClient,
} from '@supabase/supabase-js';
import { Hono } from 'hono';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, type LogEntry } from '@alawein/logger';
import { DEMO_ANON_KEY, DEMO_JWT_SECRET, DEMO_SERVICE_ROLE_KEY } from '../src/config.ts';
import type { StackConfig, StackService } from '../src/context.ts';
import { createFunctionsService } from '../src/functions/index.ts';
import { createNodeClient } from '../src/testing.ts';
import { createFunctionProject, type TempFunctionProject } from './support/function-project.ts';

const TIME_LIMIT_MS = 1500;

/** What the `echo` fixture function answers. */
interface Echo {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: string;
  env: Record<string, unknown>;
}

let project: TempFunctionProject;
let service: StackService;
let server: ServerType;
let baseUrl: string;
let supabase: SupabaseClient;
const logs: LogEntry[] = [];

function sign(claims: Record<string, unknown>, secret = DEMO_JWT_SECRET): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .sign(new TextEncoder().encode(secret));
}

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  project = await createFunctionProject({
    configToml: '[functions.public-hook]\nverify_jwt = false\n',
    dotEnv: 'FIXTURE_GREETING=hello from .env\nSUPABASE_URL=http://reserved-names-are-skipped\n',
  });
  const app = new Hono();
  server = await new Promise<ServerType>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () =>
      resolve(started),
    );
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://127.0.0.1:${port}`;
  const config: StackConfig = {
    projectRoot: project.root,
    dataDir: path.join(project.root, '.data'),
    apiPort: port,
    dbPort: 1,
    apiUrl: baseUrl,
    dbUrl: 'postgresql://postgres:postgres@127.0.0.1:1/postgres',
    jwtSecret: DEMO_JWT_SECRET,
    anonKey: DEMO_ANON_KEY,
    serviceRoleKey: DEMO_SERVICE_ROLE_KEY,
    jwtExpiry: 3600,
  };
  const logger = createLogger({ level: 'debug', sinks: [(entry) => logs.push(entry)] });
  service = await createFunctionsService({ config, logger }, { requestTimeoutMs: TIME_LIMIT_MS });
  app.route(service.basePath, service.app);
  supabase = createNodeClient(baseUrl, DEMO_ANON_KEY);
});

afterAll(async () => {
  await service?.close();
  await new Promise((resolve) => server?.close(resolve));
  await project?.remove();
});

describe('functions relay (standalone)', () => {
  it('gives functions the Supabase variables and functions/.env, never letting .env override SUPABASE_*', async () => {
    const { data, error } = await supabase.functions.invoke<Echo>('echo', {
      body: { hello: 'world' },
    });
    expect(error).toBeNull();
    expect(data!.method).toBe('POST');
    expect(data!.path).toBe('/echo');
    expect(JSON.parse(data!.body)).toEqual({ hello: 'world' });
    expect(data!.env).toEqual({
      SUPABASE_URL: baseUrl,
      hasAnonKey: true,
      hasServiceRoleKey: true,
      hasDbUrl: true,
      FIXTURE_GREETING: 'hello from .env',
    });
  });

  it("gives workers none of the stack's own environment and no reads outside the functions folder", async () => {
    const { data, error } = await supabase.functions.invoke<{
      env: string[];
      readsOwnFolder: boolean;
      readsProjectConfig: boolean;
    }>('sandbox');
    expect(error).toBeNull();
    // What hosted Supabase gives, `.env`, and the settings Deno itself needs to fetch modules.
    const allowed = new Set([
      ...['SUPABASE_URL', 'SUPABASE_ANON_KEY', 'SUPABASE_SERVICE_ROLE_KEY', 'SUPABASE_DB_URL'],
      'FIXTURE_GREETING',
      ...['DENO_DIR', 'DENO_NO_UPDATE_CHECK', 'DENO_NO_PACKAGE_JSON', 'NO_COLOR', 'HOME', 'PATH'],
      ...['DENO_CERT', 'DENO_TLS_CA_STORE', 'NPM_CONFIG_REGISTRY', 'SSL_CERT_FILE', 'SSL_CERT_DIR'],
      ...['HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'http_proxy', 'https_proxy', 'no_proxy'],
      ...['TMPDIR', 'LANG', 'TZ'],
    ]);
    expect(data!.env.filter((name) => !allowed.has(name))).toEqual([]);
    expect(data!.readsOwnFolder).toBe(true);
    expect(data!.readsProjectConfig).toBe(false);
  });

  it('rejects missing, forged and expired JWTs with 401 {"msg":"Invalid JWT"}', async () => {
    const now = Math.floor(Date.now() / 1000);
    const forged = await sign(
      { role: 'authenticated', exp: now + 60 },
      'a-different-secret-that-is-long-enough!!',
    );
    const expired = await sign({ role: 'authenticated', exp: now - 60 });
    for (const authorization of [
      undefined,
      `Bearer ${forged}`,
      `Bearer ${expired}`,
      'Bearer not-a-jwt',
      'Basic abc',
    ]) {
      const response = await fetch(`${baseUrl}/functions/v1/echo`, {
        method: 'POST',
        headers: authorization ? { authorization } : {},
      });
      expect(response.status, authorization ?? 'no header').toBe(401);
      expect(await response.json()).toEqual({ msg: 'Invalid JWT' });
    }
  });

  it('lets OPTIONS through without a JWT and serves verify_jwt=false functions to anyone', async () => {
    const preflight = await fetch(`${baseUrl}/functions/v1/echo`, { method: 'OPTIONS' });
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    const hook = await fetch(`${baseUrl}/functions/v1/public-hook`, { method: 'POST', body: '{}' });
    expect(hook.status).toBe(202);
    expect(await hook.json()).toEqual({ ok: true, authorization: null });
  });

  it('answers 404 for unknown functions and for shared folders', async () => {
    for (const name of ['missing', '_shared', '..%2F_shared']) {
      const response = await fetch(`${baseUrl}/functions/v1/${name}`, {
        headers: { authorization: `Bearer ${DEMO_ANON_KEY}` },
      });
      expect(response.status, name).toBe(404);
    }
  });

  it('passes method, path, query, headers, status and repeated Set-Cookie through unchanged', async () => {
    const response = await fetch(`${baseUrl}/functions/v1/echo/deep/path?status=201&q=a%20b`, {
      method: 'PATCH',
      headers: {
        authorization: `Bearer ${DEMO_ANON_KEY}`,
        'x-echo-header': 'kept',
        'content-type': 'text/plain',
      },
      body: 'raw body',
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-echo-header')).toBe('kept');
    expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
    const echoed = (await response.json()) as { headers: Record<string, string> };
    expect(echoed).toMatchObject({
      method: 'PATCH',
      path: '/echo/deep/path',
      query: { status: '201', q: 'a b' },
      body: 'raw body',
    });
    expect(echoed.headers['x-echo-header']).toBe('kept');
    expect(echoed.headers['content-type']).toBe('text/plain');
  });

  it('turns a non-2xx answer into FunctionsHttpError carrying the body', async () => {
    const { data, error } = await supabase.functions.invoke<unknown>('faulty?mode=error');
    expect(data).toBeNull();
    expect(error).toBeInstanceOf(FunctionsHttpError);
    const response = (error as FunctionsHttpError).context as Response;
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({ error: 'quantity must be a positive integer' });
  });

  it('reports a crashed worker as FunctionsRelayError and serves the next request from a new one', async () => {
    const first = await supabase.functions.invoke<{ pid: number }>('faulty', { method: 'GET' });
    const { error } = await supabase.functions.invoke<unknown>('faulty?mode=crash');
    expect(error).toBeInstanceOf(FunctionsRelayError);
    const response = (error as FunctionsRelayError).context as Response;
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({
      code: 'WORKER_ERROR',
      message: expect.stringContaining('exited with code 3'),
    });
    const next = await supabase.functions.invoke<{ pid: number }>('faulty', { method: 'GET' });
    expect(next.error).toBeNull();
    expect(next.data!.pid).not.toBe(first.data!.pid);
  });

  it('stops a request at the time limit with a relay error, then recovers', async () => {
    const started = Date.now();
    const { error } = await supabase.functions.invoke<unknown>('faulty?mode=hang');
    expect(Date.now() - started).toBeGreaterThanOrEqual(TIME_LIMIT_MS - 50);
    expect(error).toBeInstanceOf(FunctionsRelayError);
    const response = (error as FunctionsRelayError).context as Response;
    expect(response.status).toBe(504);
    expect(response.headers.get('x-relay-error')).toBe('true');
    expect(await response.json()).toMatchObject({ code: 'WORKER_TIMEOUT' });
    const next = await supabase.functions.invoke<unknown>('faulty', { method: 'GET' });
    expect(next.error).toBeNull();
  });

  it('streams the response body as the function writes it', async () => {
    const { data, error } = await supabase.functions.invoke<Response>(
      'stream?chunks=3&interval=300',
      { method: 'GET' },
    );
    expect(error).toBeNull();
    const reader = data!.body!.getReader();
    const decoder = new TextDecoder();
    const arrivals: { at: number; text: string }[] = [];
    const started = Date.now();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      arrivals.push({ at: Date.now() - started, text: decoder.decode(value) });
    }
    expect(arrivals.map((chunk) => chunk.text).join('')).toBe(
      'data: chunk 0\n\ndata: chunk 1\n\ndata: chunk 2\n\n',
    );
    // The first event arrives long before the last one is written.
    expect(arrivals[0]!.at).toBeLessThan(arrivals.at(-1)!.at - 400);
  });

  it('writes function output to the stack log as JSON entries tagged with the function', async () => {
    await supabase.functions.invoke<unknown>('faulty?mode=log');
    const mine = await until(() => {
      const entries = logs.filter((entry) => entry.function === 'faulty' && entry.stream);
      return Promise.resolve(entries.length >= 3 ? entries : undefined);
    });
    expect(mine).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          level: 'info',
          message: 'plain text line from faulty',
          stream: 'stdout',
        }),
        expect.objectContaining({
          level: 'warn',
          message: 'structured line from faulty',
          orderId: 42,
        }),
        expect.objectContaining({
          level: 'error',
          message: 'stderr line from faulty',
          stream: 'stderr',
        }),
      ]),
    );
  });

  it('reloads a function when its files or the shared code change', async () => {
    const dir = path.join(project.functionsDir, 'reloading');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'index.ts'), "Deno.serve(() => new Response('version 1'));\n");
    const v1 = await supabase.functions.invoke<string>('reloading', { method: 'GET' });
    expect(v1.data).toBe('version 1');
    await writeFile(path.join(dir, 'index.ts'), "Deno.serve(() => new Response('version 2'));\n");
    await until(async () =>
      (await supabase.functions.invoke<string>('reloading', { method: 'GET' })).data === 'version 2'
        ? true
        : undefined,
    );

    const before = await supabase.functions.invoke<Echo>('echo', { method: 'OPTIONS' as 'GET' });
    expect(before.response?.headers.get('access-control-allow-methods')).toBeNull();
    await writeFile(
      path.join(project.functionsDir, '_shared', 'cors.ts'),
      "export const corsHeaders = { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'POST' };\n",
    );
    await until(async () => {
      const response = await fetch(`${baseUrl}/functions/v1/echo`, { method: 'OPTIONS' });
      await response.body?.cancel();
      return response.headers.get('access-control-allow-methods') === 'POST' ? true : undefined;
    });
    // Three cold Deno starts; generous for a loaded CI machine.
  }, 30_000);

  it('lets requests in flight finish on the old worker while the next ones get the new sources', async () => {
    const dir = path.join(project.functionsDir, 'stream');
    const { data } = await supabase.functions.invoke<Response>('stream?chunks=4&interval=250', {
      method: 'GET',
    });
    const reader = data!.body!.getReader();
    const first = await reader.read();
    const source = await readFile(path.join(dir, 'index.ts'), 'utf8');
    await writeFile(path.join(dir, 'index.ts'), source.replace('data: chunk', 'data: edited'));
    let rest = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
      rest += new TextDecoder().decode(chunk.value);
    expect(new TextDecoder().decode(first.value) + rest).toBe(
      'data: chunk 0\n\ndata: chunk 1\n\ndata: chunk 2\n\ndata: chunk 3\n\n',
    );
    await until(async () => {
      const next = await supabase.functions.invoke<Response>('stream?chunks=1', { method: 'GET' });
      return (await next.data!.text()) === 'data: edited 0\n\n' ? true : undefined;
    });
  }, 30_000);

  it('reloads a function when a file it imports from outside the functions folder changes', async () => {
    const libDir = path.join(project.root, 'lib');
    await mkdir(libDir, { recursive: true });
    await writeFile(path.join(libDir, 'greeting.ts'), "export const greeting = 'hello';\n");
    const dir = path.join(project.functionsDir, 'greeter');
    await mkdir(dir, { recursive: true });
    await writeFile(
      path.join(dir, 'index.ts'),
      "import { greeting } from '../../../lib/greeting.ts';\nDeno.serve(() => new Response(greeting));\n",
    );
    expect((await supabase.functions.invoke<string>('greeter', { method: 'GET' })).data).toBe(
      'hello',
    );
    // The import graph is read in the background after the first start, so the edit is repeated
    // until a reload shows it (the first writes may land before the folder is watched).
    await until(async () => {
      await writeFile(path.join(libDir, 'greeting.ts'), "export const greeting = 'bonjour';\n");
      await new Promise((resolve) => setTimeout(resolve, 200));
      return (await supabase.functions.invoke<string>('greeter', { method: 'GET' })).data ===
        'bonjour'
        ? true
        : undefined;
    }, 20_000);
  }, 30_000);

  it('reports a function that cannot boot as a 503 relay error, and serves it once fixed', async () => {
    const dir = path.join(project.functionsDir, 'broken');
    await mkdir(dir, { recursive: true });
    await writeFile(
      path.join(dir, 'index.ts'),
      'Deno.serve(() => new Response("ok"); // syntax error\n',
    );
    const { error } = await supabase.functions.invoke<unknown>('broken', { method: 'GET' });
    expect(error).toBeInstanceOf(FunctionsRelayError);
    const response = (error as FunctionsRelayError).context as Response;
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ code: 'BOOT_ERROR' });

    await writeFile(path.join(dir, 'index.ts'), "console.log('no server here');\n");
    await until(async () => {
      const result = await supabase.functions.invoke<unknown>('broken', { method: 'GET' });
      const body = result.error
        ? ((await ((result.error as FunctionsRelayError).context as Response).json()) as {
            message: string;
          })
        : undefined;
      return body?.message.includes('exited with code 70') ? true : undefined;
    });

    await writeFile(path.join(dir, 'index.ts'), "Deno.serve(() => new Response('fixed'));\n");
    await until(async () =>
      (await supabase.functions.invoke<string>('broken', { method: 'GET' })).data === 'fixed'
        ? true
        : undefined,
    );
  }, 30_000);

  it('starts one worker for concurrent first requests and serves them all', async () => {
    const dir = path.join(project.functionsDir, 'concurrent');
    await mkdir(dir, { recursive: true });
    await writeFile(
      path.join(dir, 'index.ts'),
      'Deno.serve(() => Response.json({ pid: Deno.pid }));\n',
    );
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        supabase.functions.invoke<{ pid: number }>('concurrent', { method: 'GET' }),
      ),
    );
    expect(results.filter((result) => result.error !== null)).toHaveLength(0);
    expect(new Set(results.map((result) => result.data!.pid)).size).toBe(1);
  });
});
