/** Severity levels, least to most severe. */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;

export type LogLevel = (typeof LOG_LEVELS)[number];

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** True when an entry at `level` passes a logger whose minimum is `minimum`. */
export function isLevelAtLeast(level: LogLevel, minimum: LogLevel): boolean {
  return rank[level] >= rank[minimum];
}

/** Narrows an untrusted string (an env var, a query param) to a level, or undefined. */
export function parseLogLevel(value: string | undefined | null): LogLevel | undefined {
  const normalised = value?.trim().toLowerCase();
  return LOG_LEVELS.find((level) => level === normalised);
}
