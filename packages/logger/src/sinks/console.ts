import type { LogSink } from '../types.ts';

/**
 * Writes each entry as one JSON line: debug/info through `console.log`, warn/error through
 * `console.error` (stderr in Node and Deno, the error filter in browser devtools).
 */
export function consoleSink(): LogSink {
  return (entry) => {
    const line = JSON.stringify(entry);
    if (entry.level === 'warn' || entry.level === 'error') console.error(line);
    else console.log(line);
  };
}
