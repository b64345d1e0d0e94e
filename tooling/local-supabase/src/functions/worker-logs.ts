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
        const { level, message, msg, timestamp: _timestamp, ...fields } = parsed as Record<string, unknown>;
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

/** Forwards every line of `source` to `logger`, marking the stream; `onLine` may swallow a line. */
export function pipeFunctionLogs(
  source: Readable,
  stream: LogStream,
  logger: Logger,
  onLine?: (line: string) => boolean,
): void {
  const lines = createInterface({ input: source, crlfDelay: Infinity });
  lines.on('line', (line) => {
    if (onLine?.(line)) return;
    if (line.trim() === '') return;
    const entry = parseFunctionLogLine(line, stream);
    if (!isLevelAtLeast(entry.level, logger.level)) return;
    logger.log(entry.level, entry.message, { ...entry.fields, stream });
  });
}
