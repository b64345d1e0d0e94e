// Configuration: the demo keys are exactly `supabase start`'s, ports come from config.toml, the
// environment overrides it, and bad settings are named.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DEMO_ANON_KEY,
  DEMO_JWT_SECRET,
  DEMO_SERVICE_ROLE_KEY,
  findProjectRoot,
  resolveConfig,
} from '../src/config.ts';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'config-test-'));
  await mkdir(path.join(root, 'supabase'));
  await writeFile(path.join(root, 'pnpm-workspace.yaml'), 'packages: []\n');
});

afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(root, { recursive: true, force: true });
});

describe('demo keys', () => {
  it.each([
    ['anon', DEMO_ANON_KEY],
    ['service_role', DEMO_SERVICE_ROLE_KEY],
  ])(
    'the %s key is an HS256 JWT {iss: supabase-demo, role, exp: 1983812996} signed with the demo secret',
    async (role, key) => {
      const { payload } = await jwtVerify(key, new TextEncoder().encode(DEMO_JWT_SECRET));
      expect(payload).toEqual({ iss: 'supabase-demo', role, exp: 1983812996 });
      expect(decodeProtectedHeader(key)).toEqual({ alg: 'HS256', typ: 'JWT' });
    },
  );
});

describe('resolveConfig', () => {
  it('uses supabase start defaults when config.toml is missing', () => {
    const config = resolveConfig({ projectRoot: root });
    expect(config).toMatchObject({
      projectRoot: root,
      dataDir: path.join(root, '.supabase-local'),
      apiPort: 54321,
      dbPort: 54322,
      apiUrl: 'http://127.0.0.1:54321',
      dbUrl: 'postgresql://postgres:postgres@127.0.0.1:54322/postgres',
      jwtSecret: DEMO_JWT_SECRET,
      jwtExpiry: 3600,
    });
  });

  it('reads [api] port, [db] port and [auth] settings from config.toml', async () => {
    await writeFile(
      path.join(root, 'supabase', 'config.toml'),
      '[api]\nport = 60001\n[db]\nport = 60002\nmajor_version = 15\n[auth]\njwt_expiry = 600\nminimum_password_length = 10\n',
    );
    const config = resolveConfig({ projectRoot: root });
    expect(config).toMatchObject({ apiPort: 60001, dbPort: 60002, jwtExpiry: 600 });
    expect(config.auth?.minimumPasswordLength).toBe(10);
  });

  it('lets the environment override config.toml, and options override both', async () => {
    await writeFile(path.join(root, 'supabase', 'config.toml'), '[api]\nport = 60001\n');
    vi.stubEnv('LOCAL_SUPABASE_API_PORT', '60011');
    vi.stubEnv('LOCAL_SUPABASE_DB_PORT', '60012');
    expect(resolveConfig({ projectRoot: root })).toMatchObject({ apiPort: 60011, dbPort: 60012 });
    expect(resolveConfig({ projectRoot: root, apiPort: 60021 }).apiPort).toBe(60021);
  });

  it('names a bad port in the environment or config.toml', async () => {
    vi.stubEnv('LOCAL_SUPABASE_API_PORT', 'eighty');
    expect(() => resolveConfig({ projectRoot: root })).toThrow(/LOCAL_SUPABASE_API_PORT/);
    vi.unstubAllEnvs();
    await writeFile(path.join(root, 'supabase', 'config.toml'), '[db]\nport = 99999\n');
    expect(() => resolveConfig({ projectRoot: root })).toThrow(/config\.toml: db\.port/);
  });

  it('finds the project root from a nested folder, or from LOCAL_SUPABASE_PROJECT_ROOT', async () => {
    const nested = path.join(root, 'apps', 'repz', 'src');
    await mkdir(nested, { recursive: true });
    expect(findProjectRoot(nested)).toBe(root);
    expect(resolveConfig({ cwd: nested }).projectRoot).toBe(root);
    vi.stubEnv('LOCAL_SUPABASE_PROJECT_ROOT', root);
    expect(resolveConfig({ cwd: tmpdir() }).projectRoot).toBe(root);
  });
});
