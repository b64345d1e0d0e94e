// src/config.ts is the package's one reader of process.env.
import { baseConfig } from '@alawein/eslint-config/base';

export default [
  // Deno code (type-checked by `deno check` in test/functions-fixtures.test.ts), not part of the Node project.
  { ignores: ['test/fixtures/**/functions/**'] },
  ...baseConfig({ envFiles: ['src/config.ts'] }),
];
