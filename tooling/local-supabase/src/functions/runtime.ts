// Keeps one warm worker per function: started on the first request, replaced after it crashes
// or times out, and restarted when the function's files (or shared `_` folders, `.env`) change.
import { watch, type FSWatcher } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from '@alawein/logger';
import { BOOTSTRAP_SOURCE } from './bootstrap-source.ts';
import { localDependencies } from './dependencies.ts';
import { locateFunction, readFunctionsDotEnv, type FunctionSource } from './settings.ts';
import { FunctionWorker } from './worker.ts';

export interface FunctionRuntimeOptions {
  functionsDir: string;
  denoBin: string;
  /** Environment every worker gets; `.env` variables are added below the reserved SUPABASE_* ones. */
  baseEnv: Record<string, string>;
  bootTimeoutMs: number;
  logger: Logger;
  /** Restart workers when their sources change (off for one-shot test stacks is fine too). */
  watch: boolean;
  /** Longest a retired worker may keep finishing its in-flight requests. */
  retireGraceMs: number;
  /** Folders every worker may read besides its sources and run folder (Deno's cache). */
  readPaths: string[];
}

const RELOAD_DEBOUNCE_MS = 80;

export class FunctionRuntime {
  private readonly workers = new Map<string, FunctionWorker>();
  private runDir: Promise<{ dir: string; bootstrap: string }> | undefined;
  private watcher: FSWatcher | undefined;
  private readonly sources = new Map<string, FunctionSource | undefined>();
  /** Files outside the functions folder → the functions that import them. */
  private readonly dependents = new Map<string, Set<string>>();
  private readonly folderWatchers = new Map<string, FSWatcher>();
  private readonly graphsKnown = new WeakSet<FunctionWorker>();
  /** The local files each function's last worker loads (from `deno info`). */
  private readonly graphs = new Map<string, string[]>();
  private pendingChanges = new Set<string>();
  private lastPendingChange = 0;
  private debounce: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(private readonly options: FunctionRuntimeOptions) {
    if (options.watch) this.startWatching();
  }

  /** True when `name` is a servable function folder right now. */
  exists(name: string): boolean {
    return this.locate(name) !== undefined;
  }

  /** Where `name`'s sources are; remembered while the folder is watched (any change forgets). */
  private locate(name: string): FunctionSource | undefined {
    if (!this.watcher) return locateFunction(this.options.functionsDir, name);
    if (!this.sources.has(name))
      this.sources.set(name, locateFunction(this.options.functionsDir, name));
    return this.sources.get(name);
  }

  /** A listening worker for `name` (starting one if needed); rejects with WorkerBootError. */
  async acquire(name: string): Promise<FunctionWorker> {
    if (this.closed) throw new Error('functions runtime is closed');
    let worker = this.workers.get(name);
    if (!worker || !worker.isAlive) {
      worker = await this.spawn(name);
    }
    try {
      await worker.ready;
    } catch (error) {
      this.discard(worker);
      throw error;
    }
    if (this.watcher && !this.graphsKnown.has(worker)) {
      this.graphsKnown.add(worker);
      this.watchOutsideDependencies(worker.name);
    }
    return worker;
  }

  /** Kills a worker that misbehaved (crash, time limit); the next request starts a fresh one. */
  discard(worker: FunctionWorker): void {
    if (this.workers.get(worker.name) === worker) this.workers.delete(worker.name);
    worker.kill();
  }

  /**
   * Replaces `name`'s worker (or all) so the next request loads the current sources; requests
   * already running finish on the old one. Workers started after `changedAt` already run the
   * new sources and stay.
   */
  reload(name?: string, changedAt = Date.now()): void {
    for (const worker of [...this.workers.values()]) {
      if ((name === undefined || worker.name === name) && worker.startedAt <= changedAt) {
        this.options.logger.info('function reloading', { function: worker.name });
        this.workers.delete(worker.name);
        worker.retire(this.options.retireGraceMs);
      }
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.watcher?.close();
    for (const watcher of this.folderWatchers.values()) watcher.close();
    this.folderWatchers.clear();
    clearTimeout(this.debounce);
    const workers = [...this.workers.values()];
    this.workers.clear();
    await Promise.all(workers.map((worker) => worker.stop()));
    if (this.runDir) await rm((await this.runDir).dir, { recursive: true, force: true });
  }

  private async spawn(name: string): Promise<FunctionWorker> {
    const source = this.locate(name);
    if (!source) throw new Error(`function ${name} does not exist`);
    const { dir, bootstrap } = await this.prepareRunDir();
    // Workers may read only the files their module graph loads (Deno checks read access for
    // modules imported at run time, like the entry and anything it imports from outside
    // supabase/functions), not the rest of the project: hosted functions see their bundle only.
    const files = await localDependencies({
      denoBin: this.options.denoBin,
      entry: source.entry,
      configFile: source.configFile,
      env: this.options.baseEnv,
    });
    this.graphs.set(name, files);
    const inside = this.options.functionsDir + path.sep;
    const outside = files
      .filter((file) => !file.startsWith(inside))
      .map((file) => path.dirname(file));
    // Another request may have started it while we awaited the folder.
    const existing = this.workers.get(name);
    if (existing?.isAlive) return existing;
    const worker = new FunctionWorker({
      name,
      entry: source.entry,
      configFile: source.configFile,
      denoBin: this.options.denoBin,
      bootstrapPath: bootstrap,
      runDir: dir,
      readPaths: [
        ...new Set([this.options.functionsDir, ...outside, dir, ...this.options.readPaths]),
      ],
      // The run folder is the workers' temp folder: the only place they may write.
      env: {
        ...readFunctionsDotEnv(this.options.functionsDir),
        ...this.options.baseEnv,
        TMPDIR: dir,
      },
      bootTimeoutMs: this.options.bootTimeoutMs,
      logger: this.options.logger.child({ function: name }),
    });
    this.workers.set(name, worker);
    void worker.exited.then((reason) => {
      if (this.workers.get(name) === worker) this.workers.delete(name);
      if (this.closed) return;
      if (worker.wasKilled)
        this.options.logger.info('function worker stopped', { function: name, reason });
      else
        this.options.logger.warn('function worker exited on its own', { function: name, reason });
    });
    return worker;
  }

  /** Sockets need a short path (108 bytes on Linux), so they live in the OS temp folder. */
  private prepareRunDir(): Promise<{ dir: string; bootstrap: string }> {
    this.runDir ??= (async () => {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'lsfn-'));
      const bootstrap = path.join(dir, 'bootstrap.js');
      await writeFile(bootstrap, BOOTSTRAP_SOURCE);
      return { dir, bootstrap };
    })();
    return this.runDir;
  }

  private startWatching(): void {
    try {
      this.watcher = watch(this.options.functionsDir, { recursive: true }, (_event, file) => {
        this.sources.clear();
        if (file) this.noteChange(file.split(path.sep)[0] ?? '');
      });
      this.watcher.on('error', (error) => {
        this.options.logger.warn('functions folder watch failed', { error });
      });
    } catch (error) {
      // No functions folder (yet): nothing to reload.
      this.options.logger.debug('functions folder not watched', { error });
    }
  }

  /** Watches the folders of files `name` imports from outside the functions folder. */
  private watchOutsideDependencies(name: string): void {
    const files = this.graphs.get(name) ?? [];
    if (this.closed) return;
    const inside = this.options.functionsDir + path.sep;
    for (const file of files) {
      if (file.startsWith(inside)) continue;
      let names = this.dependents.get(file);
      if (!names) this.dependents.set(file, (names = new Set()));
      names.add(name);
      const folder = path.dirname(file);
      if (this.folderWatchers.has(folder)) continue;
      try {
        const watcher = watch(folder, (_event, changed) => {
          if (!changed) return;
          for (const dependent of this.dependents.get(path.join(folder, changed)) ?? [])
            this.noteChange(dependent);
        });
        watcher.on('error', () => watcher.close());
        this.folderWatchers.set(folder, watcher);
      } catch (error) {
        this.options.logger.debug('dependency folder not watched', { folder, error });
      }
    }
  }

  /** Collects changes (an editor's save fires several events) and reloads once they settle. */
  private noteChange(top: string): void {
    // The latest change counts: a worker started between two changes may hold the older sources.
    this.lastPendingChange = Date.now();
    this.pendingChanges.add(top);
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => this.applyChanges(), RELOAD_DEBOUNCE_MS);
  }

  private applyChanges(): void {
    const changed = [...this.pendingChanges];
    const changedAt = this.lastPendingChange;
    this.pendingChanges.clear();
    // Shared code (`_shared/`) and `.env` affect every function.
    if (changed.some((top) => top.startsWith('_') || top.startsWith('.')))
      this.reload(undefined, changedAt);
    else for (const top of changed) this.reload(top, changedAt);
  }
}
