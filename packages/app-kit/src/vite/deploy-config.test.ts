// @vitest-environment node
// Each app's vercel.json is read by Vercel per project, so there are four copies; this keeps them
// identical where they must be and correct where they differ (the app they build).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const APPS = { simcore: 5175, repz: 5176, liveit: 5177, qmlab: 5180 } as const;
const appsDir = new URL('../../../../apps/', import.meta.url);
// QMLab's simulator compiles WebAssembly kernels; that needs 'wasm-unsafe-eval', never 'unsafe-eval'.
const WASM_APPS: ReadonlySet<string> = new Set(['qmlab']);

interface VercelConfig {
  framework: string;
  installCommand: string;
  buildCommand: string;
  outputDirectory: string;
  rewrites: { source: string; destination: string }[];
  headers: { source: string; headers: { key: string; value: string }[] }[];
}

const readJson = <T>(app: string, file: string) =>
  JSON.parse(readFileSync(new URL(`${app}/${file}`, appsDir), 'utf8')) as T;

function headersFor(config: VercelConfig, source: string): Record<string, string> {
  const rule = config.headers.find((entry) => entry.source === source);
  return Object.fromEntries((rule?.headers ?? []).map(({ key, value }) => [key, value]));
}

describe.each(Object.entries(APPS))('apps/%s deployment config', (app, port) => {
  const vercel = readJson<VercelConfig>(app, 'vercel.json');
  const pkg = readJson<{
    name: string;
    engines: { node: string };
    scripts: Record<string, string>;
  }>(app, 'package.json');

  it('builds this app and its workspace dependencies from the monorepo root into dist', () => {
    expect(pkg.name).toBe(app);
    expect(vercel.framework).toBe('vite');
    expect(vercel.installCommand).toBe('cd ../.. && pnpm install --frozen-lockfile');
    expect(vercel.buildCommand).toBe(`cd ../.. && pnpm turbo run build --filter=${app}`);
    expect(vercel.outputDirectory).toBe('dist');
    expect(pkg.engines.node).toBe('20.x');
  });

  it('serves index.html for client-side routes but never for missing assets', () => {
    expect(vercel.rewrites).toEqual([{ source: '/((?!assets/).*)', destination: '/index.html' }]);
  });

  it('caches hashed assets for a year', () => {
    expect(headersFor(vercel, '/assets/(.*)')['Cache-Control']).toBe(
      'public, max-age=31536000, immutable',
    );
  });

  it('sends the security headers, with a CSP that allows only self, Supabase and Sentry ingest', () => {
    const headers = headersFor(vercel, '/(.*)');
    expect(headers['Strict-Transport-Security']).toMatch(/^max-age=\d{8,}; includeSubDomains/);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
    const csp = Object.fromEntries(
      (headers['Content-Security-Policy'] ?? '').split(';').map((directive) => {
        const [name = '', ...values] = directive.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(csp['default-src']).toEqual(["'self'"]);
    expect(csp['script-src']).toEqual(
      WASM_APPS.has(app) ? ["'self'", "'wasm-unsafe-eval'"] : ["'self'"],
    );
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp['connect-src']).toEqual([
      "'self'",
      'https://*.supabase.co',
      'wss://*.supabase.co',
      'https://*.ingest.sentry.io',
      'https://*.ingest.us.sentry.io',
    ]);
  });

  it(`develops on port ${port}`, () => {
    expect(readFileSync(new URL(`${app}/vite.config.ts`, appsDir), 'utf8')).toContain(
      `port: ${port},`,
    );
    expect(pkg.scripts.dev).toMatch(/^vite\b/);
  });
});
