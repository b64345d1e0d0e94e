import { describe, expect, it } from 'vitest';
import {
  EnvValidationError,
  LOCAL_SUPABASE_ANON_KEY,
  LOCAL_SUPABASE_URL,
  builtAppEnv,
  type RawEnv,
} from './app-env.ts';
import { parseAppEnv } from './parse-app-env.ts';

const app = 'repz';
/** A JWT-shaped key whose payload is `claims` (the signature is not the validator's concern). */
const keyWith = (claims: Record<string, unknown>) =>
  `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.signature`;

const hosted = {
  VITE_SUPABASE_URL: 'https://abcdefgh.supabase.co',
  VITE_SUPABASE_ANON_KEY: keyWith({ iss: 'supabase', ref: 'abcdefgh', role: 'anon' }),
};

function failure(raw: RawEnv): EnvValidationError {
  try {
    parseAppEnv(raw, { app });
  } catch (error) {
    if (error instanceof EnvValidationError) return error;
    throw error;
  }
  throw new Error('expected parseAppEnv to throw');
}

describe('parseAppEnv', () => {
  it('uses the local stack under the dev server when nothing is set (fresh clone)', () => {
    expect(parseAppEnv({ DEV: true }, { app })).toEqual({
      appEnv: 'development',
      supabaseUrl: LOCAL_SUPABASE_URL,
      supabaseAnonKey: LOCAL_SUPABASE_ANON_KEY,
      sentryDsn: undefined,
      usesLocalStack: true,
    });
  });

  it('uses the local stack in a build only when VITE_APP_ENV=development is explicit', () => {
    const env = parseAppEnv({ DEV: false, VITE_APP_ENV: 'development' }, { app });
    expect(env.supabaseUrl).toBe(LOCAL_SUPABASE_URL);
    expect(env.usesLocalStack).toBe(true);
  });

  it('treats a build without VITE_APP_ENV as production and requires the backend, naming both variables and where to set them', () => {
    const error = failure({ DEV: false });
    expect(error.variables).toEqual(['VITE_SUPABASE_URL', 'VITE_SUPABASE_ANON_KEY']);
    expect(error.message).toContain(
      'VITE_SUPABASE_URL is missing (required when VITE_APP_ENV is production)',
    );
    expect(error.message).toContain('VITE_SUPABASE_ANON_KEY is missing');
    expect(error.message).toContain('apps/repz/.env.local');
    expect(error.message).toContain('Vercel project settings');
  });

  it('names only the missing variable when the other is set', () => {
    const error = failure({ VITE_APP_ENV: 'staging', VITE_SUPABASE_URL: hosted.VITE_SUPABASE_URL });
    expect(error.variables).toEqual(['VITE_SUPABASE_ANON_KEY']);
    expect(error.message).toContain(
      'VITE_SUPABASE_ANON_KEY is missing (required when VITE_APP_ENV is staging)',
    );
    expect(error.message).not.toContain('VITE_SUPABASE_URL is missing');
  });

  it('treats empty values from a .env file as unset', () => {
    const error = failure({
      VITE_APP_ENV: 'production',
      VITE_SUPABASE_URL: '',
      VITE_SUPABASE_ANON_KEY: '  ',
    });
    expect(error.variables).toEqual(['VITE_SUPABASE_URL', 'VITE_SUPABASE_ANON_KEY']);
  });

  it('rejects a URL that is not http(s), quoting the value', () => {
    const error = failure({
      ...hosted,
      VITE_APP_ENV: 'production',
      VITE_SUPABASE_URL: 'localhost:54321',
    });
    expect(error.variables).toEqual(['VITE_SUPABASE_URL']);
    expect(error.message).toContain(
      'VITE_SUPABASE_URL must be an http(s) URL (got "localhost:54321")',
    );
  });

  it('rejects an unknown VITE_APP_ENV, listing the allowed ones', () => {
    const error = failure({ ...hosted, VITE_APP_ENV: 'prod' });
    expect(error.variables).toEqual(['VITE_APP_ENV']);
    expect(error.message).toContain(
      'VITE_APP_ENV must be one of development, preview, staging, production (got "prod")',
    );
  });

  it('rejects a malformed Sentry DSN but accepts none', () => {
    expect(parseAppEnv({ ...hosted, VITE_SENTRY_DSN: '' }, { app }).sentryDsn).toBeUndefined();
    for (const dsn of [
      'not a dsn',
      'https://o1.ingest.sentry.io/2',
      'https://my-key@o1.ingest.sentry.io/2',
    ]) {
      const error = failure({ ...hosted, VITE_SENTRY_DSN: dsn });
      expect(error.variables).toEqual(['VITE_SENTRY_DSN']);
      expect(error.message).toContain('VITE_SENTRY_DSN must be a Sentry DSN');
    }
  });

  it('refuses a key whose role is not anon (a service_role key would ship in the bundle)', () => {
    for (const key of [
      keyWith({ iss: 'supabase', ref: 'abcdefgh', role: 'service_role' }),
      'sb_secret_abc123',
      'not-a-key',
    ]) {
      const error = failure({ ...hosted, VITE_SUPABASE_ANON_KEY: key });
      expect(error.variables).toEqual(['VITE_SUPABASE_ANON_KEY']);
      expect(error.message).toContain('role is not anon');
      expect(error.message).not.toContain(key);
    }
    expect(
      parseAppEnv({ ...hosted, VITE_SUPABASE_ANON_KEY: 'sb_publishable_abc123' }, { app })
        .supabaseAnonKey,
    ).toBe('sb_publishable_abc123');
  });

  it('never echoes a key back into the message', () => {
    const error = failure({ ...hosted, VITE_SUPABASE_ANON_KEY: 42 });
    expect(error.variables).toEqual(['VITE_SUPABASE_ANON_KEY']);
    expect(error.message).not.toContain('42');
  });

  it('returns a hosted configuration as given, without a trailing slash', () => {
    const env = parseAppEnv(
      {
        ...hosted,
        VITE_SUPABASE_URL: `${hosted.VITE_SUPABASE_URL}/`,
        VITE_SENTRY_DSN: 'https://key@o1.ingest.sentry.io/2',
      },
      { app },
    );
    expect(env).toEqual({
      appEnv: 'production',
      supabaseUrl: hosted.VITE_SUPABASE_URL,
      supabaseAnonKey: hosted.VITE_SUPABASE_ANON_KEY,
      sentryDsn: 'https://key@o1.ingest.sentry.io/2',
      usesLocalStack: false,
    });
  });
});

describe('builtAppEnv (production bundles, values already validated by the build)', () => {
  it('resolves the same configuration as parseAppEnv', () => {
    const raw = {
      ...hosted,
      DEV: false,
      VITE_APP_ENV: 'staging',
      VITE_SENTRY_DSN: 'https://key@o1.ingest.sentry.io/2',
    };
    expect(builtAppEnv(raw, { app })).toEqual(parseAppEnv(raw, { app }));
    expect(builtAppEnv({ DEV: false, VITE_APP_ENV: 'development' }, { app })).toEqual(
      parseAppEnv({ DEV: false, VITE_APP_ENV: 'development' }, { app }),
    );
  });

  it('still refuses a bundle without a backend outside development', () => {
    expect(() => builtAppEnv({ DEV: false }, { app })).toThrow(EnvValidationError);
  });
});
