// How function output becomes stack log entries: JSON lines keep their fields, other lines are
// wrapped, and an indented stack trace stays one entry with its error.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, type LogEntry } from '@alawein/logger';
import { parseFunctionLogLine, pipeFunctionLogs } from '../src/functions/worker-logs.ts';

describe('function log lines', () => {
  it('keeps the fields and level of JSON lines and wraps plain text by stream', () => {
    expect(parseFunctionLogLine('{"level":"warn","message":"slow","ms":812}', 'stdout')).toEqual({
      level: 'warn',
      message: 'slow',
      fields: { ms: 812 },
    });
    expect(parseFunctionLogLine('{"msg":"legacy shape"}', 'stderr')).toEqual({
      level: 'error',
      message: 'legacy shape',
      fields: {},
    });
    expect(parseFunctionLogLine('{not json}', 'stdout')).toEqual({
      level: 'info',
      message: '{not json}',
      fields: {},
    });
    expect(parseFunctionLogLine('[1,2]', 'stdout').message).toBe('[1,2]');
  });

  it('joins an indented stack trace to the error line above it', async () => {
    const entries: LogEntry[] = [];
    const source = new PassThrough();
    pipeFunctionLogs(source, 'stderr', createLogger({ sinks: [(entry) => entries.push(entry)] }));
    source.end(
      'Error: boom\n    at handler (file:///f.ts:1:1)\n    at serve (ext:x:1:1)\nnext line\n',
    );
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(entries.map((entry) => entry.message)).toEqual([
      'Error: boom\n    at handler (file:///f.ts:1:1)\n    at serve (ext:x:1:1)',
      'next line',
    ]);
  });
});
