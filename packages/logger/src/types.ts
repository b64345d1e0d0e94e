import type { LogLevel } from './levels.ts';

/** Structured fields attached to an entry (e.g. `userId`, `requestId`, `error`). */
export type LogContext = Record<string, unknown>;

/** One log line: the fixed fields first, then the (redacted) context. */
export interface LogEntry {
  level: LogLevel;
  message: string;
  /** ISO-8601, UTC. */
  timestamp: string;
  /** Milliseconds, present on entries written by a timer. */
  duration?: number;
  [field: string]: unknown;
}

/** Receives every entry at or above the logger's minimum level, already redacted. */
export type LogSink = (entry: LogEntry) => void;
