// Turns a function's stdout/stderr into JSON log lines of the stack: a line that already is a
// JSON object (e.g. from @alawein/logger inside the function) keeps its fields, any other line
// is wrapped. Either way the entry says which function wrote it.
import type { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import { isLevelAtLeast, parseLogLevel, type Logger, type LogLevel } from '@alawein/logger';

export type LogStream = 'stdout' | 'stderr';

/** Parses one line written by a function into a level, a message and structured fields. */
export function parseFunctionLogLine(
  line: string,
  stream: LogStream,
): { level: LogLevel; message: string; fields: Record<string, unknown> } {
  const fallbackLevel: LogLevel = stream === 'stderr' ? 'error' : 'info';
  const trimmed = line.trim();
  if (trimmed.startsWith('{') && trimmed.endsWith('}')) {
    try {
      const parsed = JSON.parse(trimmed) as unknown;
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        const {
          level,
          message,
          msg,
          timestamp: _timestamp,
          ...fields
        } = parsed as Record<string, unknown>;
        const parsedLevel = typeof level === 'string' ? parseLogLevel(level) : undefined;
        const text = typeof message === 'string' ? message : typeof msg === 'string' ? msg : '';
        return { level: parsedLevel ?? fallbackLevel, message: text, fields };
      }
    } catch {
      // Not JSON after all: wrapped below like any other line.
    }
  }
  return { level: fallbackLevel, message: line, fields: {} };
}

/** Lines written this soon after an entry and indented (stack frames) belong to that entry. */
const CONTINUATION_WINDOW_MS = 25;

/** Forwards every line of `source` to `logger`, marking the stream; `onLine` may swallow a line. */
export function pipeFunctionLogs(
  source: Readable,
  stream: LogStream,
  logger: Logger,
  onLine?: (line: string) => boolean,
): void {
  const lines = createInterface({ input: source, crlfDelay: Infinity });
  let pending: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    clearTimeout(timer);
    if (pending === undefined) return;
    const entry = parseFunctionLogLine(pending, stream);
    pending = undefined;
    if (isLevelAtLeast(entry.level, logger.level))
      logger.log(entry.level, entry.message, { ...entry.fields, stream });
  };
  lines.on('line', (line) => {
    if (onLine?.(line)) return;
    if (line.trim() === '') return;
    if (pending !== undefined && /^\s/.test(line)) {
      pending += `\n${line}`;
    } else {
      flush();
      pending = line;
    }
    clearTimeout(timer);
    timer = setTimeout(flush, CONTINUATION_WINDOW_MS);
  });
  lines.on('close', flush);
}
