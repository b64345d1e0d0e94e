// _shared/auth.ts with published signing keys (SUPABASE_JWKS), as on a hosted project that uses
// JWT signing keys: tokens signed with one of them are verified in the function, with no call
// to Auth; anything else still goes to Auth. POST /checkout is the route under test because it
// needs nothing else of the token (its one database call runs on the function's connection),
// while the local stack's REST accepts only its HS256 tokens.
import assert from 'node:assert/strict';
import { createLogger } from '@alawein/logger';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { loadFunctionEnv } from '../_shared/env.ts';
import { loadLiveitConfig } from '../_liveit/config.ts';
import { ADDRESS, callApp, createCatalogue, signUp } from '../_liveit/testing.ts';
import { createLiveitApp } from './app.ts';

const KID = 'test-signing-key';
const signing = await generateKeyPair('ES256', { extractable: true });
const impostor = await generateKeyPair('ES256', { extractable: true });
const publicJwk = { ...(await exportJWK(signing.publicKey)), kid: KID, alg: 'ES256', use: 'sig' };

const base = loadFunctionEnv();
const env = { ...base, jwks: { keys: [publicJwk] } };
const quiet = createLogger({ level: 'error', sinks: [() => {}] });
const app = createLiveitApp(env, loadLiveitConfig(env), quiet);
const { m } = (await createCatalogue(env)).variants;

function sign(
  claims: JWTPayload,
  options: { key?: CryptoKey; expiresIn?: string; kid?: string } = {},
): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid: options.kid ?? KID, typ: 'JWT' })
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '5m')
    .sign(options.key ?? signing.privateKey);
}

function checkout(token: string) {
  return callApp(app.fetch, 'liveit-api', 'POST', '/checkout', {
    token,
    body: { items: [{ variant_id: m, quantity: 1 }], shipping_address: ADDRESS },
  });
}

Deno.test('a token signed with a published key is the user it names, no Auth call', async () => {
  const user = await signUp(base);
  const token = await sign({ sub: user.id, role: 'authenticated', email: user.email });
  const res = await checkout(token);
  assert.equal(res.status, 201);
  assert.equal(res.json.order.customer_id, user.id);
});

Deno.test('forged, expired and non-user tokens in the signing-key format get 401', async () => {
  const user = await signUp(base);
  const claims = { sub: user.id, role: 'authenticated' };
  const refused = [
    await sign(claims, { key: impostor.privateKey }),
    await sign(claims, { expiresIn: '-1m' }),
    await sign({ role: 'anon' }),
    await sign({ sub: user.id, role: 'service_role' }),
  ];
  for (const token of refused) {
    const res = await checkout(token);
    assert.equal(res.status, 401, token);
    assert.equal(res.json.error.code, 'unauthorized');
  }
});

Deno.test('a key the function was not given, or an HS256 token, is checked by Auth', async () => {
  const user = await signUp(base);
  // Auth knows nothing of this key: it refuses the token.
  const unknownKey = await sign(
    { sub: user.id, role: 'authenticated' },
    { key: impostor.privateKey, kid: 'rotated-in-later' },
  );
  assert.equal((await checkout(unknownKey)).status, 401);
  // The stack's own (HS256) session token: Auth says who it is.
  assert.equal((await checkout(user.token)).status, 201);
});

Deno.test('a validly signed token naming no account cannot place an order', async () => {
  const user = await signUp(base);
  const token = await sign({ sub: crypto.randomUUID(), role: 'authenticated', email: user.email });
  const res = await checkout(token);
  assert.equal(res.status, 401);
  assert.equal(res.json.error.code, 'unauthorized');
});
