// pnpm ops:health [--env local|preview|staging|production]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkHealth, formatHealthTable } from '../health.ts';
import { ENVIRONMENTS, healthEnvironment, type EnvironmentName } from '../target.ts';
import { parseCli, run } from './args.ts';

const functionsDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../supabase/functions',
);

run(async () => {
  const { values } = parseCli(`pnpm ops:health [--env ${ENVIRONMENTS.join('|')}]`, {
    env: { type: 'string', default: 'local' },
  });
  if (!(ENVIRONMENTS as readonly string[]).includes(values.env)) {
    console.error(`--env must be one of ${ENVIRONMENTS.join(', ')}`);
    return 2;
  }
  const rows = await checkHealth(healthEnvironment(values.env as EnvironmentName), functionsDir);
  console.log(formatHealthTable(rows));
  return rows.some((row) => row.status === 'down') ? 1 : 0;
});
