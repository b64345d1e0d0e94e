import { isLevelAtLeast, type LogLevel } from './levels.ts';
import { createRedactor } from './redact.ts';
import { consoleSink } from './sinks/console.ts';
import type { LogContext, LogEntry, LogSink } from './types.ts';

export interface LoggerOptions {
  /** Minimum level written; lower levels cost nothing. Default `info`. */
  level?: LogLevel;
  /** Fields bound to every entry (e.g. `{ app: 'repz' }`). */
  context?: LogContext;
  /** Where entries go. Default `[consoleSink()]`. */
  sinks?: readonly LogSink[];
  /** Key names or patterns to redact on top of the built-in ones. */
  redactKeys?: readonly (string | RegExp)[];
  /** Monotonic milliseconds for durations. Default `performance.now`. */
  now?: () => number;
  /** Wall clock for timestamps. Default `() => new Date()`. */
  clock?: () => Date;
}

export interface Timer {
  /** Milliseconds since the timer started. */
  elapsed(): number;
  /** Writes `message` with `duration` (ms) added to `context`; returns the duration. */
  done(message: string, context?: LogContext, level?: LogLevel): number;
}

export interface Logger {
  readonly level: LogLevel;
  isLevelEnabled(level: LogLevel): boolean;
  log(level: LogLevel, message: string, context?: LogContext): void;
  debug(message: string, context?: LogContext): void;
  info(message: string, context?: LogContext): void;
  warn(message: string, context?: LogContext): void;
  error(message: string, context?: LogContext): void;
  /** A logger with `context` bound on top of this one's (child fields win). Same level and sinks. */
  child(context: LogContext): Logger;
  startTimer(): Timer;
  /**
   * Runs `fn` and writes `message` with its `duration`: at info on success, at error with the
   * `error` on failure (then rethrows). Promises are awaited and returned.
   */
  time<T>(message: string, fn: () => T, context?: LogContext): T;
}

const RESERVED = new Set(['level', 'message', 'timestamp']);

const roundMs = (ms: number) => Math.round(ms * 100) / 100;

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { then?: unknown }).then === 'function';

/** Creates a structured JSON logger; the same module runs in browsers, Node and Deno. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const minimum = options.level ?? 'info';
  const sinks = options.sinks ?? [consoleSink()];
  const redact = createRedactor(options.redactKeys ? { keys: options.redactKeys } : {});
  const now = options.now ?? (() => performance.now());
  const clock = options.clock ?? (() => new Date());
  return build(options.context ?? {});

  function build(bound: LogContext): Logger {
    const log = (level: LogLevel, message: string, context?: LogContext) => {
      if (!isLevelAtLeast(level, minimum)) return;
      const fields = redact({ ...bound, ...context }) as Record<string, unknown>;
      const entry: LogEntry = {
        level,
        message: redact(String(message)) as string,
        timestamp: clock().toISOString(),
      };
      for (const [key, value] of Object.entries(fields)) {
        if (!RESERVED.has(key)) entry[key] = value;
      }
      for (const sink of sinks) {
        try {
          sink(entry);
        } catch {
          // A failing sink (e.g. Sentry not loaded yet) must never break the code that logs.
        }
      }
    };

    const startTimer = (): Timer => {
      const started = now();
      const elapsed = () => roundMs(now() - started);
      return {
        elapsed,
        done(message, context, level = 'info') {
          const duration = elapsed();
          log(level, message, { ...context, duration });
          return duration;
        },
      };
    };

    return {
      level: minimum,
      isLevelEnabled: (level) => isLevelAtLeast(level, minimum),
      log,
      debug: (message, context) => log('debug', message, context),
      info: (message, context) => log('info', message, context),
      warn: (message, context) => log('warn', message, context),
      error: (message, context) => log('error', message, context),
      child: (context) => build({ ...bound, ...context }),
      startTimer,
      time<T>(message: string, fn: () => T, context?: LogContext): T {
        const timer = startTimer();
        const fail = (error: unknown) => {
          timer.done(message, { ...context, error }, 'error');
          return error;
        };
        let result: T;
        try {
          result = fn();
        } catch (error) {
          throw fail(error);
        }
        if (!isThenable(result)) {
          timer.done(message, context);
          return result;
        }
        return Promise.resolve(result).then(
          (value) => {
            timer.done(message, context);
            return value;
          },
          (error: unknown) => {
            throw fail(error);
          },
        ) as T;
      },
    };
  }
}
