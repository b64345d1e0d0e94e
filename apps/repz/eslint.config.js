export { default } from '@alawein/eslint-config/react';
