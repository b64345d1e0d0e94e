// React apps and component packages: base rules plus hooks and accessibility.
import globals from 'globals';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import { baseConfig } from './base.js';

/** @param {{ envFiles?: string[] }} [options] */
export function reactConfig(options = {}) {
  return [
    ...baseConfig(options),
    {
      files: ['**/*.tsx', '**/*.ts'],
      plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
      languageOptions: { globals: { ...globals.browser } },
      rules: {
        ...reactHooks.configs.recommended.rules,
        ...jsxA11y.flatConfigs.recommended.rules,
      },
    },
  ];
}

export default reactConfig();
