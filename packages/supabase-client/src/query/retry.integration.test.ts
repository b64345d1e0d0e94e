// The retry policy composed with the real supabase-js and a real QueryClient, against a local
// HTTP server that answers with the statuses under test.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { QueryObserver, type QueryClient } from '@tanstack/react-query';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBrowserClient } from '../client/browser-client.ts';
import type { AppSupabaseClient } from '../client/types.ts';
import { unwrap } from '../errors.ts';
import { nodeRealtime } from '../test/node-realtime.ts';
import { createQueryClient } from './query-client.ts';

type Reply = { status: number; body?: unknown; headers?: Record<string, string> };

let server: Server;
let baseUrl: string;
let replies: Reply[] = [];
let requests: { method: string; url: string; headers: IncomingMessage['headers'] }[] = [];

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    const reply = replies.shift() ?? { status: 200, body: [] };
    res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
    res.end(JSON.stringify(reply.body ?? { message: `status ${reply.status}` }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  replies = [];
  requests = [];
});

const client = (url = baseUrl): AppSupabaseClient =>
  createBrowserClient(
    { supabaseUrl: url, supabaseAnonKey: 'anon-key' },
    { auth: { persistSession: false }, realtime: nodeRealtime },
  );

/** Runs one query to completion (success or final failure) and reports how it went. */
async function settle(queryClient: QueryClient, queryFn: () => Promise<unknown>) {
  const observer = new QueryObserver(queryClient, { queryKey: ['probe', Math.random()], queryFn });
  const started = performance.now();
  const result = await new Promise<ReturnType<typeof observer.getCurrentResult>>((resolve) => {
    const unsubscribe = observer.subscribe((state) => {
      if (state.status !== 'pending' && state.fetchStatus === 'idle') {
        unsubscribe();
        resolve(state);
      }
    });
  });
  return { result, elapsed: performance.now() - started };
}

const fastRetries = () => createQueryClient({ retry: { baseDelayMs: 5, random: () => 0 } });

const selectRows = (supabase: AppSupabaseClient) => async () =>
  // A table name the empty generated schema does not know; the type cast keeps this test schema-agnostic.
  unwrap(
    await (
      supabase as unknown as {
        from(t: string): { select(): PromiseLike<{ data: unknown; error: null; status: number }> };
      }
    )
      .from('probe')
      .select(),
  );

describe('retry policy with supabase-js', () => {
  it('retries PostgREST 503s and succeeds; supabase-js itself does not retry (one place)', async () => {
    replies = [{ status: 503 }, { status: 503 }, { status: 200, body: [{ id: 1 }] }];
    const { result } = await settle(fastRetries(), selectRows(client()));
    expect(result.status).toBe('success');
    expect(result.data).toEqual([{ id: 1 }]);
    expect(requests).toHaveLength(3);
    expect(
      requests.every(
        (r) => r.url.startsWith('/rest/v1/probe') && r.headers['x-retry-count'] === undefined,
      ),
    ).toBe(true);
  });

  it('gives up after 3 retries', async () => {
    replies = Array.from({ length: 6 }, () => ({ status: 500 }));
    const { result } = await settle(fastRetries(), selectRows(client()));
    expect(result.status).toBe('error');
    expect(result.failureCount).toBe(4);
    expect(result.error).toMatchObject({ name: 'SupabaseRequestError', status: 500 });
    expect(requests).toHaveLength(4);
  });

  it.each([400, 401, 403, 404, 409, 422])('fails at once on %i', async (status) => {
    replies = [{ status, body: { code: 'PGRST100', message: 'bad', details: null, hint: null } }];
    const { result } = await settle(fastRetries(), selectRows(client()));
    expect(result.status).toBe('error');
    expect(result.error).toMatchObject({ status, code: 'PGRST100' });
    expect(requests).toHaveLength(1);
  });

  it('retries 408 and 429', async () => {
    replies = [{ status: 408 }, { status: 429 }, { status: 200, body: [] }];
    const { result } = await settle(fastRetries(), selectRows(client()));
    expect(result.status).toBe('success');
    expect(requests).toHaveLength(3);
  });

  it('retries when the server cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const { result } = await settle(fastRetries(), selectRows(client(deadUrl)));
    expect(result.status).toBe('error');
    expect(result.failureCount).toBe(4);
    expect(result.error).toMatchObject({ status: 0 });
  });

  it("waits for an edge function's Retry-After", async () => {
    replies = [
      { status: 429, headers: { 'retry-after': '1' }, body: { error: 'quota' } },
      { status: 200, body: { ok: true } },
    ];
    const supabase = await client().full();
    const { result, elapsed } = await settle(fastRetries(), async () => {
      const response = await supabase.functions.invoke<{ ok: boolean }>('repz-api', { body: {} });
      if (response.error) throw response.error as Error; // typed `any` by functions-js
      return response.data;
    });
    expect(result.status).toBe('success');
    expect(result.data).toEqual({ ok: true });
    expect(requests.map((r) => r.url)).toEqual([
      '/functions/v1/repz-api',
      '/functions/v1/repz-api',
    ]);
    expect(elapsed).toBeGreaterThanOrEqual(950); // not the 5 ms backoff
  });

  it('retries a rate-limited auth call, reported by auth-js as AuthApiError 429', async () => {
    replies = [
      { status: 429, body: { code: 'over_request_rate_limit', message: 'slow down' } },
      { status: 200, body: { id: 'u1', aud: 'authenticated' } },
    ];
    const supabase = client();
    const { result } = await settle(fastRetries(), async () => {
      const { data, error } = await supabase.auth.getUser('a.b.c');
      if (error) throw error;
      return data.user;
    });
    expect(result.status).toBe('success');
    expect(result.data).toMatchObject({ id: 'u1' });
    expect(requests.map((r) => r.url)).toEqual(['/auth/v1/user', '/auth/v1/user']);
  });
});
