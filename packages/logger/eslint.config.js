import base from '@alawein/eslint-config/base';

/** The logger must run unchanged in browsers, Node and Deno: no Node-only modules or globals in its source. */
export default [
  ...base,
  {
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*'],
              message: 'Node-only module: the logger also runs in browsers and Deno.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'process',
        'Buffer',
        'require',
        '__dirname',
        '__filename',
        'global',
        'Deno',
      ],
    },
  },
];
