// A web page on another site must not be able to drive the stack: no keys from URLs on auth and
// storage, JSON routes only with a JSON content type (text/plain and forms need no preflight),
// Origin checks on state changes and WebSocket handshakes, and a Host allow-list (DNS rebinding).
// Stricter than hosted Supabase in places, so these run against the local stack only.
import http from 'node:http';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestStack, type TestStack } from '../src/testing.ts';
import { raw, uniqueEmail, userCount } from './auth-support.ts';
import { FIXTURE_PROJECT } from './support/function-project.ts';

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ projectRoot: FIXTURE_PROJECT });
});

/** A request with headers fetch() will not let us set (Host), answering status and body. */
function request(
  path: string,
  headers: Record<string, string>,
  method = 'GET',
  body?: string,
): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(stack.url);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, path, method, headers }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Sends a raw WebSocket handshake and returns the status line the server answered with. */
function handshake(headers: Record<string, string>): Promise<string> {
  const { hostname, port } = new URL(stack.url);
  return new Promise((resolve, reject) => {
    const req = http.request({
      hostname,
      port,
      path: `/realtime/v1/websocket?apikey=${stack.anonKey}&vsn=2.0.0`,
      headers: {
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
        'Sec-WebSocket-Version': '13',
        ...headers,
      },
    });
    req.on('upgrade', (response, socket) => {
      socket.destroy();
      resolve(String(response.statusCode));
    });
    req.on('response', (response) => {
      response.resume();
      resolve(String(response.statusCode));
    });
    req.on('error', reject);
    req.end();
  });
}

describe.skipIf(!inject('localSupabase').local)('browser-reachable attack surface', () => {
  it('refuses ?apikey= on auth and storage (a key in a URL can be planted in any page)', async () => {
    const key = stack.serviceRoleKey;
    const auth = await raw(stack, `/auth/v1/admin/users?apikey=${key}`, { apikey: null });
    expect(auth.status).toBe(401);
    const storage = await raw(stack, `/storage/v1/bucket?apikey=${key}`, { apikey: null });
    expect(storage.status).toBe(401);
  });

  it('refuses JSON endpoints called with a text/plain or form body', async () => {
    const email = uniqueEmail('plain');
    const body = JSON.stringify({ email, password: 'auth-password-1' });
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      const response = await raw(stack, '/auth/v1/signup', {
        method: 'POST',
        body,
        headers: { 'content-type': type },
      });
      expect(response.status, type).toBe(415);
    }
    expect(await userCount(stack, email)).toBe(0);
    const bucket = await raw(stack, '/storage/v1/bucket', {
      method: 'POST',
      apikey: stack.serviceRoleKey,
      bearer: stack.serviceRoleKey,
      body: JSON.stringify({ name: 'plain-bucket' }),
      headers: { 'content-type': 'text/plain' },
    });
    expect(bucket.status).toBe(415);
    const rest = await raw(stack, '/rest/v1/notes', {
      method: 'POST',
      body: JSON.stringify({ body: 'x' }),
      headers: { 'content-type': 'text/plain' },
    });
    expect(rest.status).toBe(415);
  });

  it('refuses state-changing requests from a foreign origin, allows configured and loopback ones', async () => {
    const email = uniqueEmail('origin');
    const body = JSON.stringify({ email, password: 'auth-password-1' });
    const foreign = await raw(stack, '/auth/v1/signup', {
      method: 'POST',
      body,
      headers: { Origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toMatchObject({ code: 'origin_not_allowed' });
    expect(await userCount(stack, email)).toBe(0);
    const local = await raw(stack, '/auth/v1/signup', {
      method: 'POST',
      body,
      headers: { Origin: 'http://127.0.0.1:4173' },
    });
    expect(local.status).toBe(200);
    // Reads from a foreign origin still answer (CORS keeps the body from the page).
    const read = await raw(stack, '/auth/v1/health', {
      headers: { Origin: 'https://evil.example' },
    });
    expect(read.status).toBe(200);
  });

  it('refuses a WebSocket handshake from a foreign origin', async () => {
    expect(await handshake({ Origin: 'https://evil.example' })).toBe('403');
    expect(await handshake({ Origin: 'http://localhost:5176' })).toBe('101');
  });

  it('serves only allowed Host names (DNS rebinding)', async () => {
    const headers = { apikey: stack.anonKey };
    const rebound = await request('/auth/v1/health', { ...headers, Host: 'attacker.example' });
    expect(rebound.status).toBe(403);
    expect(JSON.parse(rebound.body)).toMatchObject({ code: 'host_not_allowed' });
    expect(await handshake({ Host: 'attacker.example' })).toBe('403');
    for (const host of ['localhost', '127.0.0.1', `127.0.0.1:${new URL(stack.url).port}`]) {
      expect((await request('/auth/v1/health', { ...headers, Host: host })).status, host).toBe(200);
    }
  });
});
