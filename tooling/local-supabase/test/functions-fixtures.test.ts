// The fixture edge functions are Deno code outside the Node TypeScript project: Deno itself
// type-checks them, so a broken fixture fails here rather than as a puzzling relay error.
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { inheritedEnv } from '../src/config.ts';
import { denoBinary } from '../src/functions/deno-binary.ts';
import { FIXTURE_PROJECT } from './support/function-project.ts';

const functionsDir = path.join(FIXTURE_PROJECT, 'supabase', 'functions');

it('type-checks every fixture function with deno check', async () => {
  const entries = readdirSync(functionsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('_'))
    .map((entry) => path.join(entry.name, 'index.ts'));
  expect(entries.length).toBeGreaterThanOrEqual(5);
  const { stderr } = await promisify(execFile)(
    denoBinary(),
    ['check', '--quiet', '--no-config', ...entries],
    {
      cwd: functionsDir,
      env: inheritedEnv({ DENO_NO_PACKAGE_JSON: '1', NO_COLOR: '1' }),
    },
  );
  expect(stderr).toBe('');
});
