import type { z } from 'zod';

/** Gallery group a module belongs to. */
export type ModuleGroup =
  | 'Statistical physics'
  | 'Quantum dynamics'
  | 'Band structure'
  | 'Spin dynamics'
  | 'Classical mechanics';

/** Columnar series: one array per column, all JSON-serialisable. */
export type Series = Record<string, number[]>;

/** What a finished run returns (saved as is by simcore-api). */
export interface SimulationResult<S extends Record<string, number> = Record<string, number>> {
  summary: S;
  series: Series;
}

/** Progress report: fraction done (0–1) and estimated time left. */
export interface Progress {
  fraction: number;
  etaMs: number;
}

/** Pause gate shared between a runner and its host; the runner awaits it between chunks. */
export interface PauseGate {
  /** Resolves at once when running, or when resumed. */
  wait(): Promise<void> | undefined;
}

/** Options of every runner. */
export interface RunOptions<F> {
  onProgress?: (progress: Progress) => void;
  /** Live frames, at most one per `frameIntervalMs`; typed arrays are fresh copies the receiver owns. */
  onFrame?: (frame: F) => void;
  signal?: AbortSignal;
  /** Minimum time between frames (default 50 ms). */
  frameIntervalMs?: number;
  pause?: PauseGate;
}

/** UI metadata for one parameter (a vector3's min/max/step apply to each component). */
export type ParamMeta =
  | {
      kind: 'number' | 'integer' | 'vector3';
      label: string;
      unit: string;
      min: number;
      max: number;
      step: number;
      help?: string;
    }
  | {
      kind: 'choice';
      label: string;
      unit: string;
      options: readonly { value: string; label: string }[];
      help?: string;
    };

/** Label and unit of one summary value or series column. */
export interface SummaryField {
  label: string;
  unit: string;
  help?: string;
  /** Series only: the column this one is plotted against (columns sharing an axis have one length). */
  axis?: string;
}

/** A named parameter set shown as a preset button. */
export interface Preset<P> {
  id: string;
  label: string;
  description: string;
  params: Partial<P>;
}

/** What the gallery and the parameter form show about a module: no schema, no runner. */
export interface ModuleInfo<
  Id extends string = string,
  P extends Record<string, unknown> = Record<string, unknown>,
  S extends Record<string, number> = Record<string, number>,
> {
  id: Id;
  title: string;
  group: ModuleGroup;
  summary: string;
  /** Plain-text theory with the formula the tests check. */
  theory: string;
  params: { [K in keyof P]: ParamMeta };
  presets: readonly Preset<P>[];
  summaryFields: { [K in keyof S]: SummaryField };
  /** Series columns with their label and unit, in display order. */
  seriesFields: Record<string, SummaryField>;
}

/** One simulation module: its UI metadata, schema and runner. */
export interface SimulationModule<
  Id extends string = string,
  P extends Record<string, unknown> = Record<string, unknown>,
  S extends Record<string, number> = Record<string, number>,
  F = unknown,
> extends ModuleInfo<Id, P, S> {
  paramsSchema: z.ZodType<P>;
  defaults: P;
  /** Parses `params` (missing keys take the defaults) and runs. Rejects with ParamsError on bad params. */
  simulate(params?: Partial<P>, options?: RunOptions<F>): Promise<SimulationResult<S>>;
}
