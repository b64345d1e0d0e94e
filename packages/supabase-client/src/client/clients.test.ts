import { createServer, type IncomingMessage, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBrowserClient } from './browser-client.ts';
import { createServerClient } from './server-client.ts';
import { nodeRealtime as realtime } from '../test/node-realtime.ts';

let server: Server;
let url: string;
let seen: IncomingMessage['headers'][] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req.headers);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('[]');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  seen = [];
});

/** auth-js keeps its settings on the instance; reading them is the only direct check. */
const authSettings = (client: { auth: unknown }) => {
  const auth = client.auth as {
    persistSession: boolean;
    autoRefreshToken: boolean;
    detectSessionInUrl: unknown;
  };
  return {
    persistSession: auth.persistSession,
    autoRefreshToken: auth.autoRefreshToken,
    detectSessionInUrl: auth.detectSessionInUrl,
  };
};

const probe = (client: unknown) =>
  (client as { from(t: string): { select(): PromiseLike<unknown> } }).from('probe').select();

describe('createServerClient', () => {
  it('never persists or refreshes a session, even when asked to', () => {
    const client = createServerClient(url, 'service-key', {
      realtime,
      auth: { persistSession: true, autoRefreshToken: true },
    });
    expect(authSettings(client)).toEqual({
      persistSession: false,
      autoRefreshToken: false,
      detectSessionInUrl: false,
    });
  });

  it('sends the key and a caller-supplied user token, and reads schema public', async () => {
    const client = createServerClient(url, 'service-key', {
      realtime,
      global: { headers: { Authorization: 'Bearer user-token' } },
    });
    await probe(client);
    expect(seen[0]).toMatchObject({
      apikey: 'service-key',
      authorization: 'Bearer user-token',
      'accept-profile': 'public',
    });
  });

  it('names the bad argument', () => {
    expect(() => createServerClient('', 'k')).toThrow('url must be an http(s) URL, got ""');
    expect(() => createServerClient('ftp://x', 'k')).toThrow('url must be an http(s) URL');
    expect(() => createServerClient(url, ' ')).toThrow('key must be a non-empty string');
  });
});

describe('createBrowserClient', () => {
  it('keeps and refreshes the session', () => {
    const client = createBrowserClient({ supabaseUrl: url, supabaseAnonKey: 'anon' }, { realtime });
    expect(authSettings(client)).toMatchObject({ persistSession: true, autoRefreshToken: true });
  });

  it('sends the anon key', async () => {
    await probe(createBrowserClient({ supabaseUrl: url, supabaseAnonKey: 'anon' }, { realtime }));
    expect(seen[0]).toMatchObject({ apikey: 'anon', authorization: 'Bearer anon' });
  });

  it('names the missing env value', () => {
    expect(() =>
      createBrowserClient({ supabaseUrl: 'localhost:54321', supabaseAnonKey: 'a' }),
    ).toThrow('supabaseUrl must be an http(s) URL, got "localhost:54321"');
    expect(() => createBrowserClient({ supabaseUrl: url, supabaseAnonKey: '' })).toThrow(
      'supabaseAnonKey must be a non-empty string',
    );
  });
});
