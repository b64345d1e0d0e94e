export * from './schemas.ts';
export * from './results.ts';
