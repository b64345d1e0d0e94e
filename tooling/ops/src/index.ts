export { ALERT_THRESHOLDS, type AlertThresholds } from './alerts.ts';
export {
  backupName,
  backupProblems,
  createBackup,
  type BackupOptions,
  type BackupResult,
} from './backup.ts';
export {
  formatDrillReport,
  RECOVERY_TARGETS,
  runDrill,
  type DrillOptions,
  type DrillReport,
} from './drill.ts';
export { checkHealth, formatHealthTable, FUNCTION_NAMES, type HealthRow } from './health.ts';
export { readManifest, type Manifest } from './manifest.ts';
export {
  restoreBackup,
  RestoreRefused,
  type RestoreOptions,
  type RestoreReport,
} from './restore.ts';
export { DEFAULT_RETENTION, listBackups, pruneBackups, type Retention } from './retention.ts';
export { describeTarget, healthEnvironment, targetFromEnv, type Target } from './target.ts';
