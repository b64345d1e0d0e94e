// Gateway contract: keys and tokens (forged, expired, wrong apikey → 401), body limit (413), CORS,
// unknown paths, WebSocket dispatch, and an access log that never contains a token.
import { connect } from 'node:net';
import { createLogger, type LogEntry } from '@alawein/logger';
import { Hono } from 'hono';
import { SignJWT, base64url } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_JWT_SECRET } from '../src/config.ts';
import { createGatewayApp } from '../src/gateway/server.ts';
import { getRequestAuth, requireRequestAuth } from '../src/gateway/request-auth.ts';
import { startTestStack, type TestStack } from '../src/testing.ts';
import { raw, uniqueEmail, userCount } from './auth-support.ts';
import { FIXTURE_PROJECT } from './support/function-project.ts';

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ projectRoot: FIXTURE_PROJECT });
});

function sign(claims: Record<string, unknown>, secret = DEMO_JWT_SECRET): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(new TextEncoder().encode(secret));
}

const now = () => Math.floor(Date.now() / 1000);
const userClaims = () => ({
  sub: '00000000-0000-4000-8000-000000000001',
  role: 'authenticated',
  aud: 'authenticated',
  iat: now(),
  exp: now() + 3600,
});

describe('keys and tokens', () => {
  it('a token signed with another secret is 401 on auth and on rest', async () => {
    const forged = await sign(
      { ...userClaims(), role: 'service_role' },
      'not-the-secret-but-long-enough-to-be-a-key',
    );
    for (const path of ['/auth/v1/user', '/rest/v1/notes?select=id']) {
      const response = await raw(stack, path, { bearer: forged });
      expect(response.status, path).toBe(401);
      expect(response.headers.get('content-type')).toMatch(/json/);
    }
  });

  it('an expired token is 401 and says so', async () => {
    const expired = await sign({ ...userClaims(), iat: now() - 7200, exp: now() - 3600 });
    const response = await raw(stack, '/auth/v1/user', { bearer: expired });
    expect(response.status).toBe(401);
    expect(JSON.stringify(await response.json())).toMatch(/expired/i);
    const rest = await raw(stack, '/rest/v1/notes?select=id', { bearer: expired });
    expect(rest.status).toBe(401);
  });

  it('an unsigned (alg none) token claiming service_role is 401', async () => {
    const header = base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }));
    const payload = base64url.encode(JSON.stringify({ ...userClaims(), role: 'service_role' }));
    const response = await raw(stack, '/rest/v1/notes?select=id', {
      bearer: `${header}.${payload}.`,
    });
    expect(response.status).toBe(401);
  });

  it('a wrong apikey, a user token as apikey, or none at all is 401 with a hint', async () => {
    const wrongKey = await sign(
      { iss: 'supabase-demo', role: 'anon', exp: now() + 3600 },
      'some-other-projects-secret-32-chars-min',
    );
    const userToken = await sign(userClaims());
    for (const apikey of [wrongKey, userToken, 'garbage', null]) {
      const response = await raw(stack, '/auth/v1/settings', { apikey });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({
        message: expect.any(String) as string,
        hint: expect.any(String) as string,
      });
    }
  });

  it('accepts the apikey as a query parameter on REST reads (as hosted Supabase does)', async () => {
    const response = await raw(stack, `/rest/v1/notes?select=id&apikey=${stack.anonKey}`, {
      apikey: null,
    });
    expect(response.status).toBe(200);
  });

  it('a malformed Authorization header is 401', async () => {
    const response = await raw(stack, '/auth/v1/user', {
      headers: { Authorization: `Token ${stack.anonKey}` },
    });
    expect(response.status).toBe(401);
  });
});

describe('request bodies', () => {
  it('a body over the limit is 413 JSON and nothing is written', async () => {
    const email = uniqueEmail('huge');
    const body = JSON.stringify({
      email,
      password: 'auth-password-1',
      data: { blob: 'x'.repeat(6 * 1024 * 1024) },
    });
    const response = await raw(stack, '/auth/v1/signup', { method: 'POST', body });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: 'payload_too_large' });
    expect(await userCount(stack, email)).toBe(0);
  });

  it('a chunked body over the limit (no Content-Length) is 413 too', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(1024 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 6) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const response = await raw(stack, '/auth/v1/signup', {
      method: 'POST',
      body: stream,
      duplex: 'half',
    });
    expect(response.status).toBe(413);
  });
});

describe('routing and CORS', () => {
  it('an unknown path is 404 JSON', async () => {
    const response = await raw(stack, '/nope/v1/things');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 'not_found' });
  });

  it('answers preflights from local app origins and exposes the headers supabase-js reads', async () => {
    const response = await fetch(`${stack.url}/rest/v1/notes`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:5176',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers':
          'apikey, authorization, content-type, prefer, x-client-info',
      },
    });
    expect(response.status).toBeLessThan(300);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5176');
    expect(response.headers.get('access-control-allow-headers')).toMatch(/apikey/);
    const get = await raw(stack, '/auth/v1/health', {
      headers: { Origin: 'http://127.0.0.1:5180' },
    });
    expect(get.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5180');
    expect(get.headers.get('access-control-expose-headers')).toMatch(/Content-Range/);
  });

  it('adds CORS headers to every answer, fetched (immutable) ones included', async () => {
    const app = new Hono();
    app.get('/plain', (c) => c.json({ ok: true }, 200, { 'x-service': 'kept', vary: 'Accept' }));
    // A Response from fetch() has immutable headers; services that relay one still get CORS.
    app.get('/relayed', () =>
      fetch(`${stack.url}/auth/v1/health`, { headers: { apikey: stack.anonKey } }),
    );
    const gateway = createGatewayApp({
      logger: createLogger({ sinks: [] }),
      services: [{ basePath: '/probe/v1', app, close: () => Promise.resolve() }],
    });
    const origin = 'http://localhost:5176';
    for (const path of ['/probe/v1/plain', '/probe/v1/relayed']) {
      const response = await gateway.request(path, { headers: { Origin: origin } });
      expect(response.status, path).toBe(200);
      expect(response.headers.get('access-control-allow-origin'), path).toBe(origin);
      expect(response.headers.get('access-control-allow-credentials'), path).toBe('true');
      expect(response.headers.get('access-control-expose-headers'), path).toMatch(/Content-Range/);
      expect(response.headers.get('vary'), path).toMatch(/Origin/);
    }
    const plain = await gateway.request('/probe/v1/plain', { headers: { Origin: origin } });
    expect(plain.headers.get('x-service')).toBe('kept');
    expect(plain.headers.get('vary')).toBe('Accept, Origin');
    expect(await plain.json()).toEqual({ ok: true });
    const foreign = await gateway.request('/probe/v1/plain', {
      headers: { Origin: 'https://evil.example' },
    });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('gives no CORS grant to a foreign origin', async () => {
    const response = await raw(stack, '/auth/v1/health', {
      headers: { Origin: 'https://evil.example' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a WebSocket upgrade on a path no service handles', async () => {
    const { port, hostname } = new URL(stack.url);
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), hostname, () => {
        socket.write(
          'GET /nowhere/websocket HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
            'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
        );
      });
      let data = '';
      socket.on('data', (chunk: Buffer) => (data += chunk.toString()));
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 404/);
  });
});

describe('access log', () => {
  it('writes one JSON line per request with method, path, status, duration and role, never the token', async () => {
    const entries: LogEntry[] = [];
    const logger = createLogger({ sinks: [(entry) => entries.push(entry)] });
    const app = new Hono();
    app.use('*', requireRequestAuth({ jwtSecret: DEMO_JWT_SECRET }, { apikeyInQuery: () => true }));
    app.get('/who', (c) => c.json({ role: getRequestAuth(c).role }));
    const gateway = createGatewayApp({
      logger,
      services: [{ basePath: '/probe/v1', app, close: () => Promise.resolve() }],
    });
    const token = await sign(userClaims());
    const response = await gateway.request(
      `/probe/v1/who?apikey=${stack.anonKey}&token=secret-value`,
      {
        headers: { Authorization: `Bearer ${token}` },
      },
    );
    expect(await response.json()).toEqual({ role: 'authenticated' });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      level: 'info',
      message: 'request',
      method: 'GET',
      path: '/probe/v1/who',
      status: 200,
      role: 'authenticated',
      duration_ms: expect.any(Number) as number,
    });
    const line = JSON.stringify(entries);
    expect(line).not.toContain(token);
    expect(line).not.toContain(stack.anonKey);
    expect(line).not.toContain('secret-value');
  });
});
