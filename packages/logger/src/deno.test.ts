// Runs under the real Deno binary (see the package's test script): the logger must not need Node.
import assert from 'node:assert/strict';
import { createLogger, consoleSink, REDACTED, type LogEntry } from './index.ts';

declare const Deno: {
  test(name: string, fn: () => void | Promise<void>): void;
};

/** Captures what the console sink writes, restoring the real console afterwards. */
function captureConsole(run: () => void): { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const { log, error } = console;
  console.log = (line: string) => out.push(line);
  console.error = (line: string) => err.push(line);
  try {
    run();
  } finally {
    console.log = log;
    console.error = error;
  }
  return { out, err };
}

Deno.test('console sink writes one redacted JSON line per entry', () => {
  const { out, err } = captureConsole(() => {
    const logger = createLogger({ level: 'debug', sinks: [consoleSink()] }).child({
      fn: 'repz-api',
    });
    logger.debug('request', {
      userId: 'u1',
      headers: new Headers({ Authorization: 'Bearer abc', accept: '*/*' }),
    });
    logger.error('insert failed', {
      error: new Error('duplicate key', { cause: new Error('23505') }),
      password: 'p',
    });
  });
  assert.equal(out.length, 1);
  assert.equal(err.length, 1);
  const debug = JSON.parse(out[0]!) as LogEntry;
  assert.deepEqual(Object.keys(debug).slice(0, 3), ['level', 'message', 'timestamp']);
  assert.equal(debug.fn, 'repz-api');
  assert.deepEqual(debug.headers, { accept: '*/*', authorization: REDACTED });
  assert.ok(!Number.isNaN(Date.parse(debug.timestamp)));
  const failure = JSON.parse(err[0]!) as LogEntry & { error: Record<string, unknown> };
  assert.equal(failure.password, REDACTED);
  assert.equal(failure.error.name, 'Error');
  assert.equal(failure.error.message, 'duplicate key');
  assert.equal((failure.error.cause as { message: string }).message, '23505');
  assert.match(failure.error.stack as string, /deno\.test\.ts/);
});

Deno.test('time() measures a real async call with performance.now', async () => {
  const entries: LogEntry[] = [];
  const logger = createLogger({ sinks: [(entry) => entries.push(entry)] });
  const result = await logger.time(
    'sleep',
    () => new Promise<string>((resolve) => setTimeout(() => resolve('done'), 25)),
  );
  assert.equal(result, 'done');
  assert.equal(entries[0]?.message, 'sleep');
  assert.ok((entries[0]?.duration ?? 0) >= 20, `duration ${entries[0]?.duration}`);
});
