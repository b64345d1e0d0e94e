// Public surface of @alawein/simcore-domain.
export * from './api.ts';
export { exportFileName, runToJson, seriesToCsv } from './export.ts';
export { paramDiff, type ParamDifference } from './diff.ts';
export { simcoreApi } from './endpoints.ts';
