import type { z } from 'zod';
import type { Progress, RunOptions } from './types.ts';

/** Bad parameters: `field` names the offending parameter (dot path for nested ones). */
export class ParamsError extends Error {
  readonly field: string | undefined;
  constructor(message: string, field: string | undefined) {
    super(message);
    this.name = 'ParamsError';
    this.field = field;
  }
}

/** Parses params with a module schema (missing keys take the defaults), throwing ParamsError. */
export function parseParams<P>(schema: z.ZodType<P>, params: unknown): P {
  const parsed = schema.safeParse(params ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (!issue) throw new ParamsError('invalid parameters', undefined);
  const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
  const field = keys.length > 0 ? keys.join(', ') : issue.path.map(String).join('.') || undefined;
  const message =
    issue.code === 'unrecognized_keys' ? `unknown parameter ${keys.join(', ')}` : issue.message;
  throw new ParamsError(message, field);
}

/** Work to do in chunks: `advance(n)` performs the next n units of work. */
export interface ChunkedWork<F> {
  total: number;
  advance(units: number): void;
  frame?: () => F;
}

/** Longest chunk of compute between two looks at the event loop (pause, stop, frames). */
const MAX_CHUNK_MS = 20;
const DEFAULT_FRAME_INTERVAL_MS = 50;

/** A way back to the event loop between chunks, so pause/stop messages get handled. */
interface Yielder {
  next(): Promise<void>;
  close(): void;
}

/**
 * Alternates a MessageChannel message and setTimeout(0) where a MessageChannel exists. Browsers clamp
 * setTimeout(0) to 4 ms once timers nest five deep, which would cost a third of a worker's time at
 * 8 ms chunks; a message task in between resets the nesting. Timers still run every other chunk, so
 * Node (where port messages can starve timers) stays responsive. The channel is per run and closed
 * at the end so it never keeps Node or Deno alive.
 */
function createYielder(): Yielder {
  const timeout = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
  if (typeof MessageChannel !== 'function') return { next: timeout, close: () => undefined };
  const channel = new MessageChannel();
  let wake: (() => void) | undefined;
  let count = 0;
  channel.port1.onmessage = () => {
    const resolve = wake;
    wake = undefined;
    resolve?.();
  };
  return {
    next: () => {
      count += 1;
      if (count % 2 === 0) return timeout();
      return new Promise((resolve) => {
        wake = resolve;
        channel.port2.postMessage(null);
      });
    },
    close: () => {
      channel.port1.onmessage = null;
      channel.port1.close();
      channel.port2.close();
    },
  };
}

/**
 * Runs `work.total` units in chunks of at most 20 ms of compute (half the frame interval). Between chunks it reports progress,
 * emits a throttled frame, honours the abort signal (rejects with its reason) and waits while paused.
 * Chunk sizes never change results: the work is the same sequence of units however it is cut.
 */
export async function runChunked<F>(
  work: ChunkedWork<F>,
  options: RunOptions<F> = {},
): Promise<void> {
  const { onProgress, onFrame, signal, pause } = options;
  const frameInterval = options.frameIntervalMs ?? DEFAULT_FRAME_INTERVAL_MS;
  const interactive =
    onProgress !== undefined ||
    onFrame !== undefined ||
    signal !== undefined ||
    pause !== undefined;
  // Chunks of half a frame interval let frames leave on time (a 16 ms throttle gives ~60 fps).
  const budget = Math.max(2, Math.min(MAX_CHUNK_MS, frameInterval / 2));
  let done = 0;
  let units = 1;
  let computeMs = 0;
  let lastReport = -Infinity;
  const report = (force: boolean): void => {
    const now = performance.now();
    if (!force && now - lastReport < frameInterval) return;
    lastReport = now;
    if (onProgress) {
      const fraction = work.total > 0 ? done / work.total : 1;
      const etaMs = done > 0 ? (computeMs / done) * (work.total - done) : 0;
      const progress: Progress = { fraction, etaMs };
      onProgress(progress);
    }
    if (onFrame && work.frame) onFrame(work.frame());
  };
  signal?.throwIfAborted();
  const yielder = interactive ? createYielder() : undefined;
  try {
    while (done < work.total) {
      const n = Math.min(units, work.total - done);
      const t0 = performance.now();
      work.advance(n);
      const dt = performance.now() - t0;
      done += n;
      computeMs += dt;
      // Grow or shrink the chunk so it takes about `budget` ms.
      if (dt < budget / 2) units = Math.min(units * 2, 1 << 30);
      else if (dt > budget * 2 && units > 1) units = Math.max(1, Math.floor(units / 2));
      if (!interactive || done >= work.total) continue;
      report(false);
      await yielder?.next();
      signal?.throwIfAborted();
      const waiting = pause?.wait();
      if (waiting) {
        await waiting;
        signal?.throwIfAborted();
      }
    }
  } finally {
    yielder?.close();
  }
  report(true);
}

/** A pause gate the host flips; `wait()` is undefined-returning while running so no await is paid. */
export class PauseController {
  private pending: Promise<void> | undefined;
  private release: (() => void) | undefined;

  get paused(): boolean {
    return this.pending !== undefined;
  }

  pause(): void {
    if (this.pending) return;
    this.pending = new Promise((resolve) => {
      this.release = resolve;
    });
  }

  resume(): void {
    const release = this.release;
    this.pending = undefined;
    this.release = undefined;
    release?.();
  }

  wait(): Promise<void> | undefined {
    return this.pending;
  }
}
