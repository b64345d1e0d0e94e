import { describe, expect, it } from 'vitest';
import { describeTarget, healthEnvironment, targetFromEnv } from '../src/target.ts';

describe('backup targets', () => {
  it('default to the local stack', () => {
    const target = targetFromEnv({});
    expect(target.isLocal).toBe(true);
    expect(target.dbUrl).toContain('127.0.0.1:54322');
  });

  it('need the API URL and service key beside a hosted database URL, and say which is missing', () => {
    expect(() =>
      targetFromEnv({ SUPABASE_DB_URL: 'postgresql://postgres:pw@db.example.co:5432/postgres' }),
    ).toThrow(/SUPABASE_URL and SUPABASE_SERVICE_ROLE_KEY/);
  });

  it('are described without user or password', () => {
    const text = describeTarget({
      dbUrl: 'postgresql://postgres.abc:s3cret-pass@db.example.co:6543/postgres',
      apiUrl: 'https://abc.supabase.co',
    });
    expect(text).toBe('postgresql://db.example.co:6543/postgres (api https://abc.supabase.co)');
    expect(text).not.toMatch(/s3cret|postgres\.abc/);
  });

  it('name every variable a remote health check lacks', () => {
    expect(() =>
      healthEnvironment('production', { SUPABASE_URL: 'https://x.supabase.co' }),
    ).toThrow(/SUPABASE_ANON_KEY, APP_URL_SIMCORE, APP_URL_REPZ, APP_URL_LIVEIT, APP_URL_QMLAB/);
    expect(healthEnvironment('local').apps.repz).toBe('http://localhost:5176');
  });
});
