// One warm Deno process per edge function. It listens on a unix socket in a private folder (no
// port to collide with, and measurably cheaper than loopback TCP per request); the supervisor
// sends requests there through a keep-alive agent.
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Logger } from '@alawein/logger';
import { READY_MARKER } from './bootstrap-source.ts';
import { pipeFunctionLogs } from './worker-logs.ts';

export interface WorkerOptions {
  name: string;
  /** Absolute path of the function's index.ts. */
  entry: string;
  denoBin: string;
  /** The written bootstrap script (see bootstrap-source.ts). */
  bootstrapPath: string;
  /** Private folder for the socket. */
  runDir: string;
  env: Record<string, string>;
  /** Folders the worker may read (its sources, Deno's cache, the temp folder). */
  readPaths: string[];
  /** The function's own deno.json / import map, when it has one. */
  configFile?: string;
  bootTimeoutMs: number;
  logger: Logger;
}

export class WorkerBootError extends Error {
  override name = 'WorkerBootError';
}

/** A running Deno process serving one function; `ready` settles when it listens or fails to boot. */
export class FunctionWorker {
  readonly name: string;
  readonly socketPath: string;
  readonly agent = new Agent({ keepAlive: true, maxSockets: 64, keepAliveMsecs: 10_000 });
  readonly ready: Promise<void>;
  /** Resolves when the process has exited, with a human-readable reason. */
  readonly exited: Promise<string>;
  /** When the process was spawned: a source change older than this is already loaded. */
  readonly startedAt = Date.now();
  private readonly child: ChildProcess;
  private alive = true;
  private killedOnPurpose = false;
  private inflight = 0;
  private retireWhenIdle = false;

  constructor(options: WorkerOptions) {
    this.name = options.name;
    this.socketPath = path.join(options.runDir, `${options.name}-${Date.now().toString(36)}.sock`);
    const args = [
      'run',
      '--quiet',
      '--no-prompt',
      '--allow-net',
      '--allow-env',
      '--allow-sys',
      `--allow-read=${options.readPaths.join(',')}`,
      // Writes only to its private temp folder (which holds the socket; TMPDIR points there).
      `--allow-write=${options.runDir}`,
      '--node-modules-dir=none',
      ...(options.configFile ? ['--config', options.configFile] : ['--no-config']),
      options.bootstrapPath,
      this.socketPath,
      pathToFileURL(options.entry).href,
    ];
    this.child = spawn(options.denoBin, args, {
      cwd: path.dirname(options.entry),
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const logger = options.logger;
    let markReady: () => void = () => undefined;
    let failBoot: (error: Error) => void = () => undefined;
    this.ready = new Promise<void>((resolve, reject) => {
      markReady = resolve;
      failBoot = reject;
    });
    // Callers await `ready` only on first use; avoid unhandled rejections before that.
    this.ready.catch(() => undefined);
    const bootTimer = setTimeout(() => {
      failBoot(new WorkerBootError(`did not start listening within ${options.bootTimeoutMs} ms`));
      this.kill();
    }, options.bootTimeoutMs);
    pipeFunctionLogs(this.child.stdout!, 'stdout', logger, (line) => {
      if (line !== READY_MARKER) return false;
      clearTimeout(bootTimer);
      markReady();
      return true;
    });
    pipeFunctionLogs(this.child.stderr!, 'stderr', logger);
    this.exited = new Promise<string>((resolve) => {
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        this.alive = false;
        clearTimeout(bootTimer);
        this.agent.destroy();
        const reason = signal ? `killed by ${signal}` : `exited with code ${code ?? 'unknown'}`;
        failBoot(new WorkerBootError(reason));
        resolve(reason);
      };
      this.child.once('exit', onExit);
      this.child.once('error', (error) => {
        failBoot(new WorkerBootError(`could not start deno: ${error.message}`));
        onExit(null, null);
      });
    });
  }

  /** True when the stack stopped it (reload, time limit, shutdown) rather than the function dying. */
  get wasKilled(): boolean {
    return this.killedOnPurpose;
  }

  get isAlive(): boolean {
    return this.alive;
  }

  /** Counts a relayed request until `done` is called (response finished, failed or aborted). */
  track(): () => void {
    this.inflight += 1;
    let finished = false;
    return () => {
      if (finished) return;
      finished = true;
      this.inflight -= 1;
      if (this.inflight === 0 && this.retireWhenIdle) this.kill();
    };
  }

  /** Stops the process once its in-flight requests are done (reloads must not cut them off). */
  retire(graceMs: number): void {
    if (this.inflight === 0) return this.kill();
    this.retireWhenIdle = true;
    setTimeout(() => this.kill(), graceMs).unref();
  }

  /** Stops the process (SIGKILL: a function stuck in a busy loop ignores gentler signals). */
  kill(): void {
    if (!this.alive) return;
    this.killedOnPurpose = true;
    this.child.kill('SIGKILL');
  }

  /** Kills the process and waits until it is gone. */
  async stop(): Promise<void> {
    this.kill();
    await this.exited;
  }
}
