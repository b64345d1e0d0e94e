// No secret in the repository, and no service-role key in anything shipped to browsers.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, lstatSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEMO_SERVICE_ROLE_KEY } from '@alawein/local-supabase/constants';
import { scanText } from '../src/secrets.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const APPS = ['simcore', 'repz', 'liveit', 'qmlab'];
// Browser code: the demo service key is not acceptable here either.
const SHIPPED = /^(apps|packages)\//;

function trackedFiles(): string[] {
  return execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' })
    .split('\0')
    .filter((file) => file && file !== 'pnpm-lock.yaml' && existsSync(path.join(root, file)));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

describe('the secret scanner', () => {
  it('finds a planted service-role JWT, provider tokens and passworded database URLs', () => {
    const planted = [
      `const key = "${DEMO_SERVICE_ROLE_KEY}";`,
      // Assembled at run time so this file does not hold the very strings the scan looks for.
      ['SUPABASE_ACCESS_TOKEN=sbp', '0123456789abcdef0123456789abcdef01234567'].join('_'),
      ['db: postgresql://postgres:Sup3r-Secret!', 'db.abcdefgh.supabase.co:5432/postgres'].join(
        '@',
      ),
      ['-----BEGIN', 'PRIVATE KEY-----'].join(' '),
    ].join('\n');
    const kinds = scanText('planted.ts', planted, { allowDemoServiceKey: false }).map(
      (f) => f.kind,
    );
    expect(kinds).toEqual([
      'service_role JWT',
      'Supabase access token',
      'database URL with a password',
      'private key',
    ]);
  });

  it('accepts the local stack’s public demo credentials where dev tooling needs them', () => {
    const local = `${DEMO_SERVICE_ROLE_KEY}\npostgresql://postgres:postgres@127.0.0.1:54322/postgres`;
    expect(scanText('tooling/x.ts', local, { allowDemoServiceKey: true })).toEqual([]);
  });
});

describe('the repository', () => {
  it('holds no secrets, and no service-role key in app or package code', () => {
    const findings = trackedFiles().flatMap((file) => {
      const full = path.join(root, file);
      // A tracked symlink (a fixture sharing another's folder) is not a file to scan.
      const stats = lstatSync(full);
      if (!stats.isFile() || stats.size > 2_000_000) return [];
      return scanText(file, readFileSync(full, 'utf8'), {
        allowDemoServiceKey: !SHIPPED.test(file),
      });
    });
    expect(findings).toEqual([]);
  });

  it.each(APPS)('the built %s app ships no service-role key', (app) => {
    const dist = path.join(root, 'apps', app, 'dist');
    expect(existsSync(dist), `apps/${app}/dist exists (turbo builds it before this test)`).toBe(
      true,
    );
    const files = filesUnder(dist).filter((file) => /\.(js|html|css|map|json)$/.test(file));
    expect(files.length).toBeGreaterThan(0);
    const findings = files.flatMap((file) =>
      scanText(path.relative(root, file), readFileSync(file, 'utf8'), {
        allowDemoServiceKey: false,
      }),
    );
    expect(findings).toEqual([]);
  });
});
