export { createLogger, type Logger, type LoggerOptions, type Timer } from './logger.ts';
export { LOG_LEVELS, isLevelAtLeast, parseLogLevel, type LogLevel } from './levels.ts';
export type { LogContext, LogEntry, LogSink } from './types.ts';
export {
  CIRCULAR,
  REDACTED,
  TRUNCATED,
  createRedactor,
  isSensitiveKey,
  redact,
  scrubString,
  serializeError,
  type RedactOptions,
} from './redact.ts';
export { isLuhnValid } from './luhn.ts';
export { consoleSink } from './sinks/console.ts';
export { sentryBreadcrumbSink, type SentryBreadcrumb } from './sinks/sentry-breadcrumb.ts';
