// The committed Database types must be what the migrations generate, so apps never compile against
// a schema that does not exist. Fix a failure with `pnpm db:types` and commit the file.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { generateTypes } from '@alawein/local-supabase';
import { describe, expect, it } from 'vitest';
import { projectRoot } from './env.ts';
import { testStack } from './stack.ts';

const TYPES_FILE = path.join(
  projectRoot,
  'packages',
  'supabase-client',
  'src',
  'database.types.ts',
);

describe('generated database types', () => {
  it('packages/supabase-client/src/database.types.ts matches the migrated schema (run pnpm db:types)', async () => {
    const generated = await generateTypes(testStack().dbUrl);
    const committed = await readFile(TYPES_FILE, 'utf8');
    expect(committed).toBe(generated);
  }, 60_000);
});
