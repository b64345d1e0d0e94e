// The alert thresholds, read from the one file that docs and checks share.
import thresholds from '../alerts.json' with { type: 'json' };

export interface AlertThresholds {
  /** Page when p95 latency of an endpoint exceeds this. */
  latencyP95Ms: number;
  /** Page when more than this share of requests fail (5xx). */
  errorRatePercent: number;
  databaseCpuPercent: number;
  storageUsedPercent: number;
}

export const ALERT_THRESHOLDS: AlertThresholds = {
  latencyP95Ms: thresholds.latencyP95Ms,
  errorRatePercent: thresholds.errorRatePercent,
  databaseCpuPercent: thresholds.databaseCpuPercent,
  storageUsedPercent: thresholds.storageUsedPercent,
};
