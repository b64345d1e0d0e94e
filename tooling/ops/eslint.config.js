import { baseConfig } from '@alawein/eslint-config/base';

// Operations scripts take their targets and credentials from the environment, in one module.
export default baseConfig({ envFiles: ['src/target.ts'] });
