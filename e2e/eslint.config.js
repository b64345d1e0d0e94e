import base from '@alawein/eslint-config/base';

export default [
  { ignores: ['.builds/**', '.lighthouse/**', 'playwright-report/**', 'test-results/**'] },
  ...base,
];
