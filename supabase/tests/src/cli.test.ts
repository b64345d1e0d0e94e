// The real Supabase CLI (v2, from npm) must accept supabase/config.toml and the migration files,
// and agree with the stack about which migrations the database has: `supabase db push --dry-run`
// parses config.toml, lists supabase/migrations and compares them with
// supabase_migrations.schema_migrations — without Docker.
import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { projectRoot } from './env.ts';
import { testStack } from './stack.ts';

const run = promisify(execFile);
const cli = path.join(import.meta.dirname, '..', 'node_modules', '.bin', 'supabase');

/** The CLI insists on TLS unless told otherwise; local stacks speak plain TCP. */
function cliDbUrl(dbUrl: string): string {
  const url = new URL(dbUrl);
  if (
    ['127.0.0.1', 'localhost', '::1'].includes(url.hostname) &&
    !url.searchParams.has('sslmode')
  ) {
    url.searchParams.set('sslmode', 'disable');
  }
  return url.toString();
}

describe('the Supabase CLI', () => {
  it('accepts config.toml and finds every migration already applied to the stack’s database', async () => {
    const { stdout, stderr } = await run(
      cli,
      [
        'db',
        'push',
        '--dry-run',
        '--workdir',
        projectRoot,
        '--db-url',
        cliDbUrl(testStack().dbUrl),
      ],
      { timeout: 60_000 },
    );
    const output = `${stdout}\n${stderr}`;
    expect(output).not.toMatch(/Skipping migration/);
    expect(output).not.toMatch(/Would push these migrations/);
    expect(output).toMatch(/Remote database is up to date/);
  });

  it('every migration file is named YYYYMMDDHHmmss_lower_snake_description.sql', async () => {
    const files = await readdir(path.join(projectRoot, 'supabase', 'migrations'));
    expect(files.filter((file) => !/^\d{14}_[a-z0-9_]+\.sql$/.test(file))).toEqual([]);
  });
});
