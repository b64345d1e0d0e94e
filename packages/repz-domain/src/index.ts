export * from './strength.ts';
export * from './body.ts';
export * from './units.ts';
export * from './streak.ts';
export * from './schemas.ts';
export * from './progress.ts';
export * from './responses.ts';
export * from './api.ts';
