export { default } from '@alawein/eslint-config/base';
