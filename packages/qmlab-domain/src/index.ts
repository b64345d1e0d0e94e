export * from './schemas.ts';
export * from './results.ts';
export * from './examples.ts';
export * from './api.ts';
