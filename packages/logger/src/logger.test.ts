import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger, type LoggerOptions } from './logger.ts';
import { REDACTED } from './redact.ts';
import { consoleSink } from './sinks/console.ts';
import type { LogEntry } from './types.ts';

const fixedClock = () => new Date('2026-11-25T12:00:00.000Z');

function collecting(options: Omit<LoggerOptions, 'sinks'> = {}) {
  const entries: LogEntry[] = [];
  const logger = createLogger({
    clock: fixedClock,
    ...options,
    sinks: [(entry) => entries.push(entry)],
  });
  return { logger, entries };
}

afterEach(() => vi.restoreAllMocks());

describe('createLogger', () => {
  it('writes level, message and timestamp first, then context', () => {
    const { logger, entries } = collecting();
    logger.info('workout saved', { userId: 'u1', workoutId: 'w1' });
    expect(entries).toEqual([
      {
        level: 'info',
        message: 'workout saved',
        timestamp: '2026-11-25T12:00:00.000Z',
        userId: 'u1',
        workoutId: 'w1',
      },
    ]);
    expect(Object.keys(entries[0]!)).toEqual([
      'level',
      'message',
      'timestamp',
      'userId',
      'workoutId',
    ]);
  });

  it('drops entries below the minimum level (default info)', () => {
    const { logger, entries } = collecting();
    logger.debug('hidden');
    logger.info('i');
    logger.warn('w');
    logger.error('e');
    expect(entries.map((e) => e.level)).toEqual(['info', 'warn', 'error']);
    expect(logger.isLevelEnabled('debug')).toBe(false);

    const quiet = collecting({ level: 'error' });
    quiet.logger.warn('no');
    quiet.logger.error('yes');
    expect(quiet.entries.map((e) => e.message)).toEqual(['yes']);
  });

  it('does not let context overwrite the fixed fields', () => {
    const { logger, entries } = collecting();
    logger.warn('real', { level: 'debug', message: 'fake', timestamp: 'never', extra: 1 });
    expect(entries[0]).toEqual({
      level: 'warn',
      message: 'real',
      timestamp: '2026-11-25T12:00:00.000Z',
      extra: 1,
    });
  });

  it('binds context in children, child and call fields winning', () => {
    const { logger, entries } = collecting({ context: { app: 'repz', region: 'eu' } });
    const child = logger.child({ requestId: 'r1', region: 'us' });
    child.info('handled', { status: 200 });
    child.child({ userId: 'u1' }).info('nested', { status: 201 });
    logger.info('parent untouched');
    expect(entries).toMatchObject([
      { message: 'handled', app: 'repz', region: 'us', requestId: 'r1', status: 200 },
      { message: 'nested', app: 'repz', region: 'us', requestId: 'r1', userId: 'u1', status: 201 },
      { message: 'parent untouched', app: 'repz', region: 'eu' },
    ]);
    expect(entries[2]).not.toHaveProperty('requestId');
  });

  it('redacts context, bound context and the message', () => {
    const { logger, entries } = collecting({ context: { apiKey: 'k' }, redactKeys: ['email'] });
    const input = { userId: 'u1', credentials: { password: 'hunter2' }, email: 'a@b.c' };
    logger.info('charged 4242 4242 4242 4242', input);
    expect(entries[0]).toMatchObject({
      message: `charged ${REDACTED}`,
      apiKey: REDACTED,
      userId: 'u1',
      credentials: { password: REDACTED },
      email: REDACTED,
    });
    expect(input.credentials.password).toBe('hunter2');
  });

  it('serialises errors passed in context', () => {
    const { logger, entries } = collecting();
    logger.error('save failed', {
      error: new RangeError('too many sets', { cause: new Error('limit') }),
    });
    expect(entries[0]!.error).toMatchObject({
      name: 'RangeError',
      message: 'too many sets',
      stack: expect.stringContaining('RangeError: too many sets') as unknown,
      cause: { name: 'Error', message: 'limit' },
    });
    expect(JSON.parse(JSON.stringify(entries[0]))).toEqual(entries[0]);
  });

  it('keeps logging when a sink throws', () => {
    const entries: LogEntry[] = [];
    const logger = createLogger({
      sinks: [
        () => {
          throw new Error('sink down');
        },
        (entry) => entries.push(entry),
      ],
    });
    expect(() => logger.info('still here')).not.toThrow();
    expect(entries).toHaveLength(1);
  });
});

describe('timers', () => {
  function manualClock() {
    let t = 1000;
    return { now: () => t, advance: (ms: number) => (t += ms) };
  }

  it('startTimer adds duration in ms', () => {
    const clock = manualClock();
    const { logger, entries } = collecting({ now: clock.now });
    const timer = logger.startTimer();
    clock.advance(12.3456);
    expect(timer.elapsed()).toBe(12.35);
    expect(timer.done('query done', { rows: 3 })).toBe(12.35);
    clock.advance(5);
    timer.done('slow', {}, 'warn');
    expect(entries).toMatchObject([
      { level: 'info', message: 'query done', rows: 3, duration: 12.35 },
      { level: 'warn', message: 'slow', duration: 17.35 },
    ]);
  });

  it('time() logs sync success and failure', () => {
    const clock = manualClock();
    const { logger, entries } = collecting({ now: clock.now });
    expect(logger.time('compute', () => (clock.advance(4), 42), { step: 1 })).toBe(42);
    expect(() =>
      logger.time('explode', () => {
        clock.advance(2);
        throw new Error('bad input');
      }),
    ).toThrow('bad input');
    expect(entries).toMatchObject([
      { level: 'info', message: 'compute', step: 1, duration: 4 },
      {
        level: 'error',
        message: 'explode',
        duration: 2,
        error: { name: 'Error', message: 'bad input' },
      },
    ]);
  });

  it('time() awaits promises and rethrows rejections', async () => {
    const { logger, entries } = collecting();
    await expect(
      logger.time('fetch', () => new Promise((r) => setTimeout(() => r('ok'), 20))),
    ).resolves.toBe('ok');
    await expect(logger.time('fetch2', () => Promise.reject(new Error('offline')))).rejects.toThrow(
      'offline',
    );
    expect(entries[0]).toMatchObject({ level: 'info', message: 'fetch' });
    expect(entries[0]!.duration).toBeGreaterThanOrEqual(15);
    expect(entries[1]).toMatchObject({
      level: 'error',
      message: 'fetch2',
      error: { message: 'offline' },
    });
  });
});

describe('consoleSink', () => {
  it('writes one JSON line per entry: info via console.log, warn/error via console.error', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const logger = createLogger({ level: 'debug', clock: fixedClock, sinks: [consoleSink()] });
    logger.debug('d', { userId: 'u1' });
    logger.info('i');
    logger.warn('w');
    logger.error('e', { error: new Error('x') });
    expect(log).toHaveBeenCalledTimes(2);
    expect(error).toHaveBeenCalledTimes(2);
    const firstLine = log.mock.calls[0]![0] as string;
    expect(firstLine).not.toContain('\n');
    expect(JSON.parse(firstLine)).toEqual({
      level: 'debug',
      message: 'd',
      timestamp: '2026-11-25T12:00:00.000Z',
      userId: 'u1',
    });
    const errorLine = JSON.parse(error.mock.calls[1]![0] as string) as LogEntry;
    expect(errorLine).toMatchObject({ level: 'error', error: { name: 'Error', message: 'x' } });
  });

  it('is the default sink', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    createLogger().info('default');
    expect(JSON.parse(log.mock.calls[0]![0] as string)).toMatchObject({
      level: 'info',
      message: 'default',
    });
  });
});
