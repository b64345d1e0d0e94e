// /functions/v1 through the whole stack (gateway, auth, real Deno) with the real supabase-js:
// invoke with a user's JWT, the anon key, an invalid token, verify_jwt=false, pass-through of
// status and headers, error propagation, streaming and recovery after a crash.
/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument -- functions-js types `error` as any, and vitest's asymmetric matchers are any */
import { FunctionsHttpError, FunctionsRelayError } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../src/testing.ts';
import { FIXTURE_PROJECT } from './support/function-project.ts';
import { client, signUp, type TestUser } from './support/storage-clients.ts';

/** What the `echo` fixture function answers. */
interface Echo {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: string;
  env: Record<string, unknown>;
}

let stack: TestStack;
let user: TestUser;

beforeAll(async () => {
  stack = await startTestStack({ projectRoot: FIXTURE_PROJECT });
  user = await signUp(stack, 'functions');
});

afterAll(async () => {
  await stack?.stop();
});

describe('functions through the gateway', () => {
  it("runs with the caller's JWT, which the function can use against the stack's auth", async () => {
    const { data, error } = await user.client.functions.invoke<{ id: string; email: string }>(
      'whoami',
    );
    expect(error).toBeNull();
    expect(data!.id).toBe(user.id);
    expect(data!.email).toMatch(/^functions-.*@example\.com$/);
  });

  it('accepts the anon key as a JWT, and gives the function the stack URL and keys', async () => {
    const anon = client(stack, stack.anonKey);
    const { data, error } = await anon.functions.invoke<Echo>('echo', { body: { n: 1 } });
    expect(error).toBeNull();
    expect(data!.env).toMatchObject({
      SUPABASE_URL: stack.url,
      hasAnonKey: true,
      hasServiceRoleKey: true,
      hasDbUrl: true,
    });
    expect(data!.headers.authorization).toBe(`Bearer ${stack.anonKey}`);
  });

  it('rejects an invalid JWT with 401 {"msg":"Invalid JWT"} unless the function has verify_jwt = false', async () => {
    const stranger = client(stack, 'not-a-valid-jwt');
    const { error } = await stranger.functions.invoke<Echo>('echo', { body: {} });
    expect(error).toBeInstanceOf(FunctionsHttpError);
    const response = (error as FunctionsHttpError).context as Response;
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ msg: 'Invalid JWT' });

    const hook = await stranger.functions.invoke<unknown>('public-hook', {
      body: { event: 'ping' },
    });
    expect(hook.error).toBeNull();
    expect(hook.response?.status).toBe(202);
    expect(hook.data).toEqual({ ok: true, authorization: 'Bearer not-a-valid-jwt' });
  });

  it('passes status, headers and body through, and exposes x-relay-error to browsers', async () => {
    const { data, response } = await user.client.functions.invoke<Echo>('echo/sub?status=201', {
      method: 'PUT',
      body: 'plain text',
      headers: { 'x-echo-header': 'through the gateway' },
    });
    expect(response?.status).toBe(201);
    expect(response?.headers.get('x-echo-header')).toBe('through the gateway');
    expect(data).toMatchObject({ method: 'PUT', path: '/echo/sub', body: 'plain text' });
    const preflight = await fetch(`${stack.url}/functions/v1/echo`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5176', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBeLessThan(300);
  });

  it('relays request bodies byte for byte: small ones in one piece, big ones streamed', async () => {
    for (const size of [17, 64 * 1024, 64 * 1024 + 1, 1024 * 1024]) {
      const body = `${'x'.repeat(size)}é`; // a multi-byte character at the end
      const response = await fetch(`${stack.url}/functions/v1/echo`, {
        method: 'POST',
        headers: { authorization: `Bearer ${stack.anonKey}`, 'content-type': 'text/plain' },
        body,
      });
      expect(response.status).toBe(200);
      const echoed = (await response.json()) as Echo;
      expect(echoed.body.length).toBe(body.length);
      expect(echoed.body === body).toBe(true);
    }
  });

  it('propagates function errors as FunctionsHttpError and crashes as FunctionsRelayError, then recovers', async () => {
    const failed = await user.client.functions.invoke<unknown>('faulty?mode=error');
    expect(failed.error).toBeInstanceOf(FunctionsHttpError);
    expect(await ((failed.error as FunctionsHttpError).context as Response).json()).toEqual({
      error: 'quantity must be a positive integer',
    });
    const thrown = await user.client.functions.invoke<unknown>('faulty?mode=throw');
    expect(((thrown.error as FunctionsHttpError).context as Response).status).toBe(500);

    const crashed = await user.client.functions.invoke<unknown>('faulty?mode=crash');
    expect(crashed.error).toBeInstanceOf(FunctionsRelayError);
    const after = await user.client.functions.invoke<{ pid: number }>('faulty', { method: 'GET' });
    expect(after.error).toBeNull();
    expect(after.data!.pid).toEqual(expect.any(Number));
  });

  it('streams server-sent events as they are written', async () => {
    const { data, error } = await user.client.functions.invoke<Response>(
      'stream?chunks=2&interval=400',
      { method: 'GET' },
    );
    expect(error).toBeNull();
    const reader = data!.body!.getReader();
    const started = Date.now();
    const first = await reader.read();
    const firstAt = Date.now() - started;
    let rest = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
      rest += new TextDecoder().decode(chunk.value);
    expect(new TextDecoder().decode(first.value)).toBe('data: chunk 0\n\n');
    expect(rest).toBe('data: chunk 1\n\n');
    expect(firstAt).toBeLessThan(Date.now() - started - 300);
  });

  it('answers 404 for a function that does not exist', async () => {
    const { error } = await user.client.functions.invoke<unknown>('no-such-function');
    expect(((error as FunctionsHttpError).context as Response).status).toBe(404);
  });
});
