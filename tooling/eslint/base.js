// Shared flat config: type-aware TypeScript rules for every package.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Reading configuration anywhere but the one validated module hides missing variables until run time. */
const envAccess = [
  {
    selector: "MemberExpression[object.type='MetaProperty'][property.name='env']",
    message: 'Read import.meta.env only in src/env.ts, which validates it.',
  },
  {
    selector: "MemberExpression[object.name='process'][property.name='env']",
    message: 'Read process.env only in the env/config module, which validates it.',
  },
];

/**
 * @param {{ envFiles?: string[] }} [options] files allowed to read the environment
 */
export function baseConfig(options = {}) {
  const envFiles = options.envFiles ?? ['**/src/env.ts'];
  return tseslint.config(
    { ignores: ['**/dist/**', '**/node_modules/**', '**/.turbo/**', '**/coverage/**'] },
    js.configs.recommended,
    ...tseslint.configs.recommendedTypeChecked,
    {
      languageOptions: {
        globals: { ...globals.es2022 },
        parserOptions: { projectService: true, tsconfigRootDir: process.cwd() },
      },
      rules: {
        '@typescript-eslint/consistent-type-imports': [
          'error',
          { fixStyle: 'inline-type-imports' },
        ],
        '@typescript-eslint/no-unused-vars': [
          'error',
          { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
        ],
        '@typescript-eslint/no-misused-promises': [
          'error',
          { checksVoidReturn: { attributes: false } },
        ],
        'no-restricted-syntax': ['error', ...envAccess],
      },
    },
    { files: envFiles, rules: { 'no-restricted-syntax': 'off' } },
    {
      files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
      ...tseslint.configs.disableTypeChecked,
      languageOptions: {
        ...tseslint.configs.disableTypeChecked.languageOptions,
        globals: { ...globals.node },
      },
    },
  );
}

export default baseConfig();
