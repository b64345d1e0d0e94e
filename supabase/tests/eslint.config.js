// src/env.ts is the package's one reader of process.env.
import { baseConfig } from '@alawein/eslint-config/base';

export default baseConfig({ envFiles: ['src/env.ts'] });
