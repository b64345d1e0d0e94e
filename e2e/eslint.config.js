import base from '@alawein/eslint-config/base';

export default [{ ignores: ['.builds/**', 'playwright-report/**', 'test-results/**'] }, ...base];
